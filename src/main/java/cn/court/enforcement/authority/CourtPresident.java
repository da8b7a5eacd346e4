package cn.court.enforcement.authority;

import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.organisation.Leaders;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Decisions the law reserves for the court president (院长) himself, which the vice-president in
 * the same unit may not take: the president is the leader of {@value #GROUP}. Task listener of
 * those tasks: on creation the task goes to the president; it is completed by the president only.
 */
@Component("courtPresident")
public class CourtPresident implements TaskListener {

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
    Optional<String> president = leaders.leaderOf(GROUP);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      president.ifPresent(task::setAssignee);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())
        && (president.isEmpty() || !president.get().equals(task.getAssignee()))) {
      throw new InvalidCaseDataException("无法完成「" + task.getName() + "」："
          + RULES.getOrDefault(task.getTaskDefinitionKey(), "此项须由院长决定") + "，须由院长本人办理。");
    }
  }
}
