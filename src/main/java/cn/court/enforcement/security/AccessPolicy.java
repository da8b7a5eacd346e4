package cn.court.enforcement.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Unit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Who may do what, derived from the organisation. Staff use Tasklist and see the tasks of
 * their groups (the engine grants candidate groups READ + TASK_WORK per task); supervisors
 * read every case, task and decision in Cockpit; groups with {@code starts} may start those
 * processes; groups with {@code designs} deploy from Camunda Modeler (nobody else but the
 * administrators may create a deployment).
 * Each member of staff may read and update their own user (UPDATE covers the
 * password the Welcome app changes; the profile edit it also covers is refused in the HTTP layer
 * by {@link IdentityChangeFilter}), never delete it: the engine's default grant of ALL on one's
 * own user is narrowed. Applied declaratively: grants this policy manages are set to exactly
 * what it says, so removing a flag from the file revokes the grant on the next start.
 */
public class AccessPolicy {

  private record Target(Resource type, String id) {}

  /** A group or a user a grant is for. */
  private record Owner(String groupId, String userId) {
    static Owner group(String id) {
      return new Owner(id, null);
    }

    static Owner user(String id) {
      return new Owner(null, id);
    }
  }

  private static final String ANY = Authorization.ANY;
  private static final Target TASKLIST = new Target(Resources.APPLICATION, "tasklist");
  private static final Target COCKPIT = new Target(Resources.APPLICATION, "cockpit");
  private static final Target DEFINITIONS = new Target(Resources.PROCESS_DEFINITION, ANY);
  private static final Target INSTANCES = new Target(Resources.PROCESS_INSTANCE, ANY);
  private static final Target TASKS = new Target(Resources.TASK, ANY);
  private static final Target DECISIONS = new Target(Resources.DECISION_DEFINITION, ANY);
  private static final Target DECISION_REQUIREMENTS = new Target(Resources.DECISION_REQUIREMENTS_DEFINITION, ANY);
  private static final Target DEPLOYMENTS = new Target(Resources.DEPLOYMENT, ANY);
  private static final Target USERS = new Target(Resources.USER, ANY);
  private static final Target GROUPS = new Target(Resources.GROUP, ANY);
  private static final Set<Target> MANAGED = Set.of(TASKLIST, COCKPIT, DEFINITIONS, INSTANCES,
      TASKS, DECISIONS, DECISION_REQUIREMENTS, DEPLOYMENTS, USERS, GROUPS);
  private static final Set<Permissions> OWN_USER = EnumSet.of(Permissions.READ, Permissions.UPDATE);

  private final AuthorizationService authorizations;

  public AccessPolicy(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  public void apply(Organisation organisation) {
    Set<String> startable = new LinkedHashSet<>();
    organisation.units().forEach(u -> startable.addAll(u.starts()));
    for (Unit unit : organisation.units()) {
      Map<Target, Set<Permissions>> wanted = grantsFor(unit);
      Set<Target> managed = new LinkedHashSet<>(MANAGED);
      startable.forEach(key -> managed.add(new Target(Resources.PROCESS_DEFINITION, key)));
      managed.addAll(wanted.keySet());
      for (Target target : managed) {
        set(Owner.group(unit.id()), target, wanted.getOrDefault(target, Set.of()));
      }
    }
    organisation.staff().forEach(person ->
        set(Owner.user(person.id()), new Target(Resources.USER, person.id()), OWN_USER));
  }

  private Map<Target, Set<Permissions>> grantsFor(Unit unit) {
    Map<Target, Set<Permissions>> grants = new HashMap<>();
    grants.put(TASKLIST, EnumSet.of(Permissions.ACCESS));
    grants.put(DEFINITIONS, EnumSet.of(Permissions.READ));
    grants.put(USERS, EnumSet.of(Permissions.READ));
    grants.put(GROUPS, EnumSet.of(Permissions.READ));
    if (unit.supervisor()) {
      grants.put(COCKPIT, EnumSet.of(Permissions.ACCESS));
      grants.put(DEFINITIONS, EnumSet.of(Permissions.READ, Permissions.READ_INSTANCE,
          Permissions.READ_TASK, Permissions.READ_HISTORY));
      grants.put(INSTANCES, EnumSet.of(Permissions.READ));
      grants.put(TASKS, EnumSet.of(Permissions.READ));
      grants.put(DECISIONS, EnumSet.of(Permissions.READ, Permissions.READ_HISTORY));
      grants.put(DECISION_REQUIREMENTS, EnumSet.of(Permissions.READ));
      grants.put(DEPLOYMENTS, EnumSet.of(Permissions.READ));
    }
    if (unit.designs()) {
      // What Modeler's deploy needs (create, and read for its connection check and duplicate
      // filtering), and reading what is deployed; no instance or history data.
      grants.merge(DEPLOYMENTS, EnumSet.of(Permissions.CREATE, Permissions.READ), AccessPolicy::union);
      grants.merge(DECISIONS, EnumSet.of(Permissions.READ), AccessPolicy::union);
      grants.merge(DECISION_REQUIREMENTS, EnumSet.of(Permissions.READ), AccessPolicy::union);
    }
    if (!unit.starts().isEmpty()) {
      grants.merge(INSTANCES, EnumSet.of(Permissions.CREATE), AccessPolicy::union);
      unit.starts().forEach(key -> grants.put(new Target(Resources.PROCESS_DEFINITION, key),
          EnumSet.of(Permissions.READ, Permissions.CREATE_INSTANCE)));
    }
    return grants;
  }

  private static Set<Permissions> union(Set<Permissions> a, Set<Permissions> b) {
    Set<Permissions> all = EnumSet.copyOf(a);
    all.addAll(b);
    return all;
  }

  private static Set<Permissions> granted(Authorization grant) {
    Set<Permissions> granted = EnumSet.noneOf(Permissions.class);
    for (Permissions p : Permissions.values()) {
      if (p != Permissions.NONE && p != Permissions.ALL && grant.isPermissionGranted(p)) {
        granted.add(p);
      }
    }
    return granted;
  }

  private void set(Owner owner, Target target, Set<Permissions> permissions) {
    AuthorizationQuery query = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT);
    query = owner.groupId() != null ? query.groupIdIn(owner.groupId()) : query.userIdIn(owner.userId());
    Authorization grant = query.resourceType(target.type()).resourceId(target.id()).singleResult();
    if (grant == null) {
      if (permissions.isEmpty()) {
        return;
      }
      grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      grant.setGroupId(owner.groupId());
      grant.setUserId(owner.userId());
      grant.setResource(target.type());
      grant.setResourceId(target.id());
    } else if (granted(grant).equals(permissions)) {
      return;
    } else if (permissions.isEmpty()) {
      authorizations.deleteAuthorization(grant.getId());
      return;
    }
    grant.setPermissions(permissions.toArray(Permission[]::new));
    authorizations.saveAuthorization(grant);
  }
}
