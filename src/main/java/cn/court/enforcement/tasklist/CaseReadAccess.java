package cn.court.enforcement.tasklist;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.court.enforcement.engine.ParseListenerPlugin;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.AuthorizationQueryImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Staff read the case of their own tasks, and no other: when a user task is created, each of
 * its candidate groups and users and its assignee get READ on the task's process instance, which
 * is what Tasklist needs to show the filters' columns (案号, parties, amount: process variables,
 * read under {@code PROCESS_INSTANCE} READ). A later assignment by someone else (the handler's
 * naming or change) grants the new assignee; claiming one's own task needs nothing, the claimant
 * already reads the case as a candidate. The engine deletes the grants with the instance when the
 * case (or the sub-process) ends.
 *
 * <p>Cost: one look-up of the instance's grants per task creation (none for the tasks of an
 * instance started in the same command; a reassignment outside creation: one more), an insert
 * only for a group or person reading the case for the first time. What this command already looked
 * up or inserted is found in the engine's entity cache, so the assignment event of a task being
 * created and a handler change of many tasks read nothing twice.
 */
@Component
@Order(2)
public class CaseReadAccess extends ParseListenerPlugin {

  private static final TaskListener ON_CREATE = task -> grant(task, true);
  private static final TaskListener ON_ASSIGNMENT = task -> grant(task, false);

  public CaseReadAccess() {
    super(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, ON_CREATE);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, ON_ASSIGNMENT);
      }
    });
  }

  /** A group ({@code g:}) or a user ({@code u:}) that reads the case. */
  private static String group(String id) {
    return "g:" + id;
  }

  private static String user(String id) {
    return "u:" + id;
  }

  static void grant(DelegateTask task, boolean created) {
    CommandContext context = Context.getCommandContext();
    String instance = task.getProcessInstanceId();
    if (instance == null || !context.getProcessEngineConfiguration().isAuthorizationEnabled()) {
      return;
    }
    Set<String> readers = new LinkedHashSet<>();
    if (created) {
      for (IdentityLink candidate : task.getCandidates()) {
        readers.add(candidate.getGroupId() != null ? group(candidate.getGroupId()) : user(candidate.getUserId()));
      }
    }
    String assignee = task.getAssignee();
    if (assignee != null && (created || !claimedByThemselves(task, assignee))) {
      readers.add(user(assignee));
    }
    if (readers.isEmpty()) {
      return;
    }
    List<AuthorizationEntity> grants = knownGrants(context, instance);
    if (grants.isEmpty() && !startedInThisCommand(context, instance)) {
      grants = lookUp(context, instance);
    }
    for (AuthorizationEntity grant : grants) {
      if (readers.remove(grant.getGroupId() != null ? group(grant.getGroupId()) : user(grant.getUserId()))
          && !grant.isPermissionGranted(Permissions.READ)) {
        grant.addPermission(Permissions.READ); // written at flush, like any changed entity
      }
    }
    context.getAuthorizationManager().saveDefaultAuthorizations(readers.stream()
        .map(reader -> readGrant(reader, instance)).toArray(AuthorizationEntity[]::new));
  }

  /** The assignee claimed it: they work on it as a candidate, who reads the case already. */
  private static boolean claimedByThemselves(DelegateTask task, String assignee) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current != null && assignee.equals(current.getUserId());
  }

  /** The instance's grants this command has read or written (none when it has not looked yet). */
  private static List<AuthorizationEntity> knownGrants(CommandContext context, String instance) {
    return context.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class).stream()
        .filter(grant -> isReadGrantOf(grant, instance)).toList();
  }

  /** An instance this command inserts has no grants yet: its first tasks need no look-up. */
  private static boolean startedInThisCommand(CommandContext context, String instance) {
    CachedDbEntity cached = context.getDbEntityManager().getDbEntityCache().getCachedEntity(ExecutionEntity.class, instance);
    return cached != null && cached.getEntityState() == DbEntityState.TRANSIENT;
  }

  /** The one look-up; a query built here carries no authorization check of its own. */
  @SuppressWarnings("unchecked")
  private static List<AuthorizationEntity> lookUp(CommandContext context, String instance) {
    AuthorizationQueryImpl query = new AuthorizationQueryImpl();
    query.resourceType(Resources.PROCESS_INSTANCE).resourceId(instance).authorizationType(AUTH_TYPE_GRANT);
    return context.getDbEntityManager().selectList("selectAuthorizationByQueryCriteria", query);
  }

  private static boolean isReadGrantOf(AuthorizationEntity grant, String instance) {
    return grant.getAuthorizationType() == AUTH_TYPE_GRANT
        && grant.getResourceType() == Resources.PROCESS_INSTANCE.resourceType() && instance.equals(grant.getResourceId());
  }

  private static AuthorizationEntity readGrant(String reader, String instance) {
    AuthorizationEntity grant = new AuthorizationEntity(AUTH_TYPE_GRANT);
    String id = reader.substring(2);
    if (reader.startsWith("g:")) {
      grant.setGroupId(id);
    } else {
      grant.setUserId(id);
    }
    grant.setResource(Resources.PROCESS_INSTANCE);
    grant.setResourceId(instance);
    grant.addPermission(Permissions.READ);
    return grant;
  }
}
