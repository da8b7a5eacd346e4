package cn.court.enforcement.organisation;

import cn.court.enforcement.organisation.Organisation.Staff;
import cn.court.enforcement.organisation.Organisation.Unit;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Camunda's users, groups and memberships equal to the organisation file. Safe to run
 * at every start: it only writes differences. Administrators (camunda-admin) are left alone.
 */
public class OrganisationSync {

  static final String PHONE = "phone";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger LOG = LoggerFactory.getLogger(OrganisationSync.class);

  private final IdentityService identity;
  private final String initialPassword;

  /**
   * @param initialPassword password of newly created users; blank in production, where each
   *     new user gets a random one nobody knows until an administrator sets it in Admin
   */
  public OrganisationSync(IdentityService identity, String initialPassword) {
    this.identity = identity;
    this.initialPassword = initialPassword == null || initialPassword.isBlank() ? null : initialPassword;
  }

  private String passwordForNewUser() {
    if (initialPassword != null) {
      return initialPassword;
    }
    // The engine cannot check a login against a user without a password (it fails with an NPE).
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    return Base64.getEncoder().encodeToString(secret);
  }

  public void apply(Organisation organisation) {
    syncGroups(organisation.units());
    syncUsers(organisation.staff());
    organisation.staff().forEach(this::syncMemberships);
  }

  private void syncGroups(List<Unit> units) {
    Set<String> wanted = units.stream().map(Unit::id).collect(Collectors.toSet());
    for (Group existing : identity.createGroupQuery().list()) {
      if (!wanted.contains(existing.getId()) && !Organisation.ADMIN_GROUP.equals(existing.getId())) {
        LOG.info("Removing group {} (no longer in the organisation file)", existing.getId());
        identity.deleteGroup(existing.getId());
      }
    }
    for (Unit unit : units) {
      Group group = identity.createGroupQuery().groupId(unit.id()).singleResult();
      if (group == null) {
        group = identity.newGroup(unit.id());
        group.setType("WORKFLOW");
      } else if (unit.name().equals(group.getName())) {
        continue;
      }
      group.setName(unit.name());
      identity.saveGroup(group);
    }
  }

  private void syncUsers(List<Staff> staff) {
    Set<String> wanted = staff.stream().map(Staff::id).collect(Collectors.toSet());
    Set<String> admins = identity.createUserQuery().memberOfGroup(Organisation.ADMIN_GROUP).list()
        .stream().map(User::getId).collect(Collectors.toSet());
    for (User existing : identity.createUserQuery().list()) {
      if (!wanted.contains(existing.getId()) && !admins.contains(existing.getId())) {
        LOG.info("Removing user {} (no longer in the organisation file)", existing.getId());
        identity.deleteUser(existing.getId());
      }
    }
    for (Staff person : staff) {
      User user = identity.createUserQuery().userId(person.id()).singleResult();
      if (user == null) {
        user = identity.newUser(person.id());
        user.setPassword(passwordForNewUser());
      } else if (person.name().equals(user.getFirstName())) {
        syncPhone(person);
        continue;
      }
      // Tasklist shows "firstName lastName": the whole Chinese name reads 李林霞, family name first.
      user.setFirstName(person.name());
      user.setLastName("");
      // Past the password policy: the sync writes only the documented demo password or a random
      // one nobody knows; the policy is for passwords people choose (PasswordPolicyPlugin).
      ((IdentityServiceImpl) identity).saveUser(user, true);
      syncPhone(person);
    }
  }

  private void syncPhone(Staff person) {
    if (!Objects.equals(person.phone(), identity.getUserInfo(person.id(), PHONE))) {
      if (person.phone() == null) {
        identity.deleteUserInfo(person.id(), PHONE);
      } else {
        identity.setUserInfo(person.id(), PHONE, person.phone());
      }
    }
  }

  private void syncMemberships(Staff person) {
    Set<String> current = identity.createGroupQuery().groupMember(person.id()).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    for (String group : current) {
      if (!person.groups().contains(group) && !Organisation.ADMIN_GROUP.equals(group)) {
        identity.deleteMembership(person.id(), group);
      }
    }
    for (String group : person.groups()) {
      if (!current.contains(group)) {
        identity.createMembership(person.id(), group);
      }
    }
  }
}
