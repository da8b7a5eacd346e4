package cn.court.enforcement.tasklist;

import cn.court.enforcement.engine.ParseListenerPlugin;
import cn.court.enforcement.rest.RefusedRequest;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A member of staff completes a task only once they have claimed it, and nobody completes a
 * task someone else has claimed: the history's claimer is the one who did the work (seed §3,
 * one responsible person per node). Administrators ({@code camunda-admin}) and the engine's own
 * callers without a user (tests, start-up code) are not bound. A built-in listener of every
 * user task, so no diagram can leave it out.
 */
@Component
@Order(1)
public class AssigneeCompletes extends ParseListenerPlugin {

  private static final TaskListener CHECK = AssigneeCompletes::check;

  public AssigneeCompletes() {
    super(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, CHECK);
      }
    });
  }

  static void check(DelegateTask task) {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user == null || user.getUserId() == null
        || user.getGroupIds() != null && user.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
      return;
    }
    if (task.getAssignee() == null) {
      throw RefusedRequest.conflict("请先认领任务「" + task.getName() + "」再办理。");
    }
    if (!task.getAssignee().equals(user.getUserId())) {
      throw RefusedRequest.conflict("任务「" + task.getName() + "」已由他人认领，只有认领人可以办理。");
    }
  }
}
