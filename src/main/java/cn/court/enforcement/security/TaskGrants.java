package cn.court.enforcement.security;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Camunda's default grants on tasks, with two changes (the engine has one provider, so both live
 * here):
 *
 * <p>A task taken from its assignee (reassigned, unclaimed, moved by a handler change) takes their
 * grant on it along. The engine gives an assignee READ and TASK_WORK on the task and never takes
 * them back, so someone outside the task's candidate groups who was once assigned to it kept
 * reading it and, once it was back in the group's list, could claim and complete it (issue 18 §5,
 * AuthorizationMatrixTest). Kept where the person holds the grant for another reason (owner,
 * candidate user); group grants are untouched, so a candidate who unclaims still works the task
 * through the group. Reading the case (tasklist/CaseReadAccess) is a grant on the instance and stays.
 *
 * <p>No look-up of an existing grant on a task created in the same command: the default provider
 * looks for one before it writes the grant of each new candidate group or assignee, and a task not
 * yet inserted cannot have one (grants made earlier in the command are still merged, from the
 * command's cache). 26 statements per case (docs/benchmarks.md).
 */
@Component
public class TaskGrants extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider());
  }

  static class Provider extends DefaultAuthorizationProvider {
    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
      if (oldAssignee != null && !oldAssignee.equals(newAssignee) && !holdsOtherwise((TaskEntity) task, oldAssignee)) {
        AuthorizationManager grants = Context.getCommandContext().getAuthorizationManager();
        AuthorizationEntity grant = grants.findAuthorizationByUserIdAndResourceId(Authorization.AUTH_TYPE_GRANT,
            oldAssignee, Resources.TASK, task.getId());
        // As the engine drops a task's default grants: as an entity (consistent with what this command changed),
        // without asking for DELETE on authorizations, which staff who give a task back do not hold.
        grants.deleteDefaultAuthorizations(grant == null ? null : new AuthorizationEntity[] {grant});
      }
      return super.newTaskAssignee(task, oldAssignee, newAssignee);
    }

    @Override
    protected AuthorizationEntity getGrantAuthorization(String taskId, String userId, String groupId, Resource resource) {
      if (resource.resourceType() == Resources.TASK.resourceType() && createdInThisCommand(taskId)) {
        return null;
      }
      return super.getGrantAuthorization(taskId, userId, groupId, resource);
    }

    private static boolean createdInThisCommand(String taskId) {
      DbEntityCache cache = Context.getCommandContext().getDbEntityManager().getDbEntityCache();
      TaskEntity task = cache.get(TaskEntity.class, taskId);
      return task != null && cache.isTransient(task);
    }

    private static boolean holdsOtherwise(TaskEntity task, String user) {
      return user.equals(task.getOwner()) || task.getIdentityLinks().stream().anyMatch(link -> user.equals(link.getUserId()));
    }
  }
}
