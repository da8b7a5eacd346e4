package cn.court.enforcement.handler;

import static cn.court.enforcement.handler.HandlerVariables.CASE_HANDLER;
import static cn.court.enforcement.handler.HandlerVariables.CASE_HANDLER_TEAM;

import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.organisation.Organisation.Staff;
import cn.court.enforcement.supervision.Reassigners;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code handler-change}: only the leader of the team that handles the running
 * case, or one of the {@link Reassigners} (the bureau's leaders, for any case), may change its
 * handler, to another member of that team, with a reason. A refused request
 * starts nothing (Chinese 400). Leaves {@code newHandler} as the member's login, {@code handlerTeam}
 * and {@code caseInstanceId} for {@link ChangeHandler}, and {@code previousHandler} for the history.
 */
@Component("checkHandlerChange")
public class CheckHandlerChange implements ExecutionListener {

  static final String NEW_HANDLER = "newHandler";
  static final String CHANGE_REASON = "changeReason";
  static final String PREVIOUS_HANDLER = "previousHandler";
  static final String CASE_INSTANCE_ID = "caseInstanceId";

  private final Teams teams;
  private final Reassigners reassigners;

  public CheckHandlerChange(Teams teams, Reassigners reassigners) {
    this.teams = teams;
    this.reassigners = reassigners;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseNumber = text(execution, CaseVariables.CASE_NUMBER, "请填写要变更承办人的案号。");
    execution.setProcessBusinessKey(caseNumber);
    execution.setVariable(CaseVariables.CASE_NUMBER, caseNumber);
    // The leader may not read the case's instance (only supervisors read all instances).
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    ProcessInstance enforcementCase = Context.getCommandContext().runWithoutAuthorization(() -> runtime
        .createProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber).singleResult());
    if (enforcementCase == null) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 不在办理中，不能变更承办人。");
    }
    Map<String, Object> handler = Context.getCommandContext().runWithoutAuthorization(
        () -> runtime.getVariables(enforcementCase.getId(),
            List.of(CASE_HANDLER, CASE_HANDLER_TEAM, CaseVariables.HANDLING_TEAM)));
    String team = (String) handler.get(CASE_HANDLER_TEAM);
    String current = (String) handler.get(CASE_HANDLER);
    Object allocatedTeam = handler.get(CaseVariables.HANDLING_TEAM);
    // A quick case handed back keeps the quick team's handler until the allocated team names its own.
    if (team == null || current == null || allocatedTeam != null && !allocatedTeam.equals(team)) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 尚未指定承办人，请在「指定承办人」任务中指定。");
    }
    String leader = teams.leaderOf(team);
    String requester = (String) execution.getVariable("requester");
    if (!leader.equals(requester) && !reassigners.include(requester)) {
      throw new InvalidCaseDataException("只有承办团队（" + teams.nameOf(team) + "）的团队长"
          + teams.personName(leader) + "或" + reassigners.names() + "可以变更案件 " + caseNumber + " 的承办人。");
    }
    String wanted = text(execution, NEW_HANDLER, "请填写新承办人。");
    Staff newHandler = teams.member(team, wanted).orElseThrow(() -> new InvalidCaseDataException(
        "「" + wanted + "」不是" + teams.nameOf(team) + "的成员，新承办人须为本团队成员。"));
    if (newHandler.id().equals(current)) {
      throw new InvalidCaseDataException(newHandler.name() + "已是案件 " + caseNumber + " 的承办人。");
    }
    text(execution, CHANGE_REASON, "请填写变更承办人的理由。");
    execution.setVariable(NEW_HANDLER, newHandler.id());
    execution.setVariable(PREVIOUS_HANDLER, current);
    execution.setVariable(HandlerVariables.HANDLER_TEAM, team);
    execution.setVariable(CASE_INSTANCE_ID, enforcementCase.getId());
  }

  private static String text(DelegateExecution execution, String name, String missing) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new InvalidCaseDataException(missing);
    }
    return value.toString().trim();
  }
}
