package cn.court.enforcement.clues;

import static cn.court.enforcement.clues.ClueVariables.CLUE_CHANNEL;
import static cn.court.enforcement.clues.ClueVariables.CLUE_DESCRIPTION;
import static cn.court.enforcement.clues.ClueVariables.CLUE_HANDLER;
import static cn.court.enforcement.clues.ClueVariables.CLUE_ORIGIN;
import static cn.court.enforcement.clues.ClueVariables.CLUE_SOURCE;
import static cn.court.enforcement.clues.ClueVariables.CLUE_TEAM;

import cn.court.enforcement.casefile.CaseTeam;
import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.handler.HandlerVariables;
import cn.court.enforcement.handler.Teams;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code clue-verification}: records the clue on its case. A clue the case
 * brings itself (filing, an interview: {@code clueChannel} set, see {@link ClueVerification})
 * comes with who verifies it. One registered in Tasklist (登记财产线索) must name a case in
 * handling, by a member of its handling team; the clue then goes to that team and its handler.
 * A refusal starts nothing (Chinese 400).
 */
@Component("registerClue")
public class RegisterClue implements ExecutionListener {

  private static final List<String> CASE_STATE = List.of(CaseVariables.HANDLING_TEAM, CaseVariables.CASE_TRACK,
      HandlerVariables.CASE_HANDLER, HandlerVariables.CASE_HANDLER_TEAM, CaseVariables.CASE_CLOSED);

  private final ClueRegistry registry;
  private final Teams teams;
  private final TerminationClues termination;

  public RegisterClue(ClueRegistry registry, Teams teams, TerminationClues termination) {
    this.registry = registry;
    this.teams = teams;
    this.termination = termination;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    String caseNumber = check.text(CaseVariables.CASE_NUMBER, "案号");
    String description = check.text(CLUE_DESCRIPTION, "财产线索");
    check.throwIfInvalid("无法登记财产线索");
    execution.setProcessBusinessKey(caseNumber);
    execution.setVariable(CaseVariables.CASE_NUMBER, caseNumber);
    if (execution.getVariable(CLUE_CHANNEL) == null) {
      routeRegistered(execution, caseNumber);
    }
    String source = (String) execution.getVariable(CLUE_SOURCE);
    String channel = (String) execution.getVariable(CLUE_CHANNEL);
    execution.setVariable(CLUE_ORIGIN, Clue.origin(source, channel));
    registry.record(caseNumber, source, channel, description, execution.getProcessInstanceId(), (String) execution.getVariable("requester"));
    termination.refresh(execution.getProcessEngineServices(), caseNumber);
  }

  private void routeRegistered(DelegateExecution execution, String caseNumber) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    // Team members may not read the case's instance (only supervisors read all instances).
    Map<String, Object> caseVariables = Context.getCommandContext().runWithoutAuthorization(() -> {
      ProcessInstance enforcementCase = runtime.createProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
          .processInstanceBusinessKey(caseNumber).singleResult();
      return enforcementCase == null ? null : runtime.getVariables(enforcementCase.getId(), CASE_STATE);
    });
    if (caseVariables == null) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 不在办理中，不能登记财产线索。");
    }
    if (Boolean.TRUE.equals(caseVariables.get(CaseVariables.CASE_CLOSED))) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 已结案，不能登记财产线索；发现可供执行的财产可申请恢复执行。");
    }
    CaseTeam team = CaseTeam.of(caseVariables::get);
    if (team.team() == null) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 尚未确定承办团队，只有承办团队可以登记财产线索。");
    }
    Object requester = execution.getVariable("requester");
    if (requester == null || teams.member(team.team(), requester.toString()).isEmpty()) {
      throw new InvalidCaseDataException("只有案件 " + caseNumber + " 的承办团队（" + teams.nameOf(team.team())
          + "）可以登记财产线索。");
    }
    execution.setVariable(CLUE_CHANNEL, Clue.REGISTERED);
    execution.setVariable(CLUE_TEAM, team.verifiers());
    execution.setVariable(CLUE_HANDLER, team.handler());
  }
}
