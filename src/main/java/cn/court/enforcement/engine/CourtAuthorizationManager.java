package cn.court.enforcement.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Camunda's authorization manager with three short cuts that change nobody's permissions:
 * <ul>
 *   <li>checks use the caller's groups as they are. Camunda first reads every distinct group id
 *       of ACT_RU_AUTHORIZATION (once per command: twice per claim-and-complete) to drop the
 *       caller's groups that hold no grant, which keeps IN lists short for people in hundreds of
 *       groups; a clerk here is in at most a handful, and that scan grows with the open tasks' grants;
 *   <li>a task query not limited to one's own links, by someone who may read every task (a grant on
 *       '*' for READ on tasks or READ_TASK on process definitions: the supervising units), runs
 *       without the per-row check.
 *       The check would pass for every row anyway, but the database still evaluates it for each
 *       and joins the definitions for it: 全部在办's count at 100,000 open tasks. Revokes cannot
 *       take such a grant back ({@code authorization-check-revokes: never}, docs/decisions.md);
 *   <li>a task query by candidate groups alone, each of them one of the caller's own (本组待办), runs
 *       without the per-row check too: each row has a candidate link of one of those groups,
 *       and Camunda's default provider grants READ on a task to each of its candidate groups (and
 *       takes no group's grant back while the task runs). Without it the count of the intake
 *       group's 12,500 open tasks at 100,000 open cases is a plain merge of two indexes instead of
 *       a hash, a join of the definitions and the check for each row.
 * </ul>
 */
public class CourtAuthorizationManager extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new Manager();
      }
    });
  }

  static class Manager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? List.of() : authenticatedGroupIds;
    }

    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
      super.configureTaskQuery(query);
      AuthorizationCheck check = query.getAuthCheck();
      // getShouldPerform… is what the mapping reads (enabled and some permission to check).
      if (check.getShouldPerformAuthorizatioCheck() && check.getAuthUserId() != null
          && (byOwnGroupsAlone(query, check.getAuthGroupIds())
              || !foundByOwnLinks(query) && isAuthorized(check.getAuthUserId(), check.getAuthGroupIds(), everyTask()))) {
        check.setAuthorizationCheckEnabled(false);
      }
    }

    /** Candidate groups, all the caller's, and nothing else that joins a link: no OR, no candidate or involved user. */
    private static boolean byOwnGroupsAlone(TaskQueryImpl query, List<String> callerGroups) {
      if (query.getQueries().size() != 1 || query.getCandidateUser() != null || query.getInvolvedUser() != null
          || query.getCandidateGroupLike() != null || Boolean.TRUE.equals(query.isWithCandidateUsers())) {
        return false;
      }
      List<String> asked = query.getCandidateGroups();
      return asked != null && !asked.isEmpty() && callerGroups != null && callerGroups.containsAll(asked);
    }

    /**
     * A list of one's own or one's groups' tasks (我的待办, 本组待办, a step's look-up): the row-local
     * tests decide it at once, so asking for a global grant first would only add a statement.
     */
    private static boolean foundByOwnLinks(TaskQueryImpl query) {
      return query.getQueries().size() == 1 && (query.getAssignee() != null || query.getCandidateUser() != null
          || query.getCandidateGroup() != null || query.getCandidateGroupsInternal() != null);
    }

    /** READ on every task, directly or through every process definition: what a supervisor holds. */
    private static CompositePermissionCheck everyTask() {
      return new PermissionCheckBuilder().disjunctive()
          .atomicCheckForResourceId(Resources.TASK, Authorization.ANY, Permissions.READ)
          .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ_TASK)
          .build();
    }
  }
}
