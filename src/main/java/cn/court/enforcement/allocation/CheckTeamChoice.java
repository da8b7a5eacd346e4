package cn.court.enforcement.allocation;

import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What decides where an ordinary case goes, beyond its form's own rules: teams excluded for a
 * conflict of interest (回避) and a team chosen by the bureau leaders belong to the allocation
 * pool (configuration, not the form's option list), an exclusion has its reason, and a chosen
 * team is not one excluded. Runs when triage sends a case to allocation (确认分流方式), the quick
 * team hands one back (办理快执案件) and the leaders decide the team (决定承办团队).
 */
@Component("checkTeamChoice")
public class CheckTeamChoice extends TaskCompletionListener {

  private final List<String> pool;

  public CheckTeamChoice(AllocationProperties allocation) {
    this.pool = allocation.pool();
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    switch (execution.getCurrentActivityId()) {
      case "Task_ConfirmTrack" -> {
        if (CaseVariables.TRACK_ORDINARY.equals(execution.getVariable(CaseVariables.CASE_TRACK))) {
          conflicts(check);
        }
      }
      case "Task_HandleQuickCase" -> {
        if ("hand-back".equals(execution.getVariable(CaseVariables.QUICK_OUTCOME))) {
          conflicts(check);
        }
      }
      case "Task_AssignTeamByDecision" -> {
        String team = check.optionalText(CaseVariables.HANDLING_TEAM);
        check.require(team == null || pool.contains(team), "承办团队的取值无效：" + team);
        check.require(team == null || !check.list(CaseVariables.CONFLICT_TEAMS, "回避团队").contains(team),
            "所选团队已因回避被排除，请另选团队");
      }
      default -> throw new IllegalStateException("No team choice at " + execution.getCurrentActivityId());
    }
    check.throwIfInvalid(taskName(execution));
  }

  private void conflicts(FormCheck check) {
    List<String> teams = check.list(CaseVariables.CONFLICT_TEAMS, "回避团队");
    teams.forEach(team -> check.require(pool.contains(team), "回避团队的取值无效：" + team));
    if (!teams.isEmpty()) {
      check.text(CaseVariables.CONFLICT_REASON, "回避理由", RandomAllocationDelegate.MAX_CONFLICT_REASON);
    }
  }
}
