package cn.court.enforcement.authority;

import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.casefile.TaskCompletionListener;
import cn.court.enforcement.organisation.Leaders;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Decisions the law reserves for the court president (院长) himself, which the vice-president in
 * the same unit may not take: the president is the leader of {@value #GROUP}. On those tasks, as
 * task listener (create) the task goes to the president; as execution listener (end) only the
 * president completes it — the member of staff completing is the one who claimed it
 * ({@code tasklist/AssigneeCompletes}); the engine's own callers without a user are not bound.
 */
@Component("courtPresident")
public class CourtPresident extends TaskCompletionListener implements TaskListener {

  public static final String GROUP = "court-presidents";

  /** The rule that reserves each task for the president. */
  static final Map<String, String> RULES = Map.of(
      "Task_ApprovePunishment", "拘传、罚款、拘留必须经院长批准（《中华人民共和国民事诉讼法》第一百一十九条）",
      "Task_SignConsumptionRestriction",
      "限制消费令由人民法院院长签发（《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第五条）",
      "Task_SignDishonestListing",
      "纳入失信被执行人名单的决定书由院长签发（《最高人民法院关于公布失信被执行人名单信息的若干规定》第五条）");

  private final Leaders leaders;

  public CourtPresident(Leaders leaders) {
    this.leaders = leaders;
  }

  @Override
  public void notify(DelegateTask task) {
    leaders.leaderOf(GROUP).ifPresent(task::setAssignee);
  }

  @Override
  protected void completed(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      return;
    }
    Optional<String> president = leaders.leaderOf(GROUP);
    if (president.isEmpty() || !president.get().equals(user.getUserId())) {
      throw new InvalidCaseDataException(taskName(execution) + "："
          + RULES.getOrDefault(execution.getCurrentActivityId(), "此项须由院长决定") + "，须由院长本人办理。");
    }
  }
}
