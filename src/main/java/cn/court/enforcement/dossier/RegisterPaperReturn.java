package cn.court.enforcement.dossier;

import static cn.court.enforcement.dossier.DossierVariables.HANDOVER_HANDLER;
import static cn.court.enforcement.dossier.DossierVariables.HANDOVER_ID;
import static cn.court.enforcement.dossier.DossierVariables.HANDOVER_TEAM;
import static cn.court.enforcement.dossier.DossierVariables.TRIP_PURPOSE;

import cn.court.enforcement.casefile.CaseTeam;
import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.handler.HandlerVariables;
import cn.court.enforcement.handler.Teams;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code dossier-handover}: a member of the case's handling team records that
 * the team is back in the office (返回单位); its paper material is due at the archive centre 2
 * working days later (task 移交纸质材料, limit {@code paper-to-archive}). The hand-over goes to
 * that team and its handler; the case's Tasklist columns come along. A case not in handling, a
 * case without a team, or anyone outside the team is refused (Chinese 400) and nothing starts.
 */
@Component("registerPaperReturn")
public class RegisterPaperReturn implements ExecutionListener {

  /** What Tasklist's cards show of the case. */
  private static final List<String> CASE_COLUMNS = List.of("applicantName", "respondentName", CaseVariables.AMOUNT_CLAIMED);
  private static final List<String> CASE_STATE = Stream.concat(Stream.of(CaseVariables.HANDLING_TEAM,
      CaseVariables.CASE_TRACK, HandlerVariables.CASE_HANDLER, HandlerVariables.CASE_HANDLER_TEAM,
      CaseVariables.CASE_CLOSED), CASE_COLUMNS.stream()).toList();

  private final DossierRegister register;
  private final Teams teams;

  public RegisterPaperReturn(DossierRegister register, Teams teams) {
    this.register = register;
    this.teams = teams;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    String caseNumber = check.text(CaseVariables.CASE_NUMBER, "案号");
    String tripPurpose = check.text(TRIP_PURPOSE, "外出办案事项");
    check.throwIfInvalid("无法登记返回单位");
    Map<String, Object> caseVariables = caseVariables(execution.getProcessEngineServices().getRuntimeService(), caseNumber);
    if (caseVariables == null || Boolean.TRUE.equals(caseVariables.get(CaseVariables.CASE_CLOSED))) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 不在办理中，不能登记返回单位、移交材料。");
    }
    CaseTeam team = CaseTeam.of(caseVariables::get);
    Object requester = execution.getVariable("requester");
    if (team.team() == null) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 尚未确定承办团队，只有承办团队可以登记返回单位。");
    }
    if (requester == null || teams.member(team.team(), requester.toString()).isEmpty()) {
      throw new InvalidCaseDataException("只有案件 " + caseNumber + " 的承办团队（" + teams.nameOf(team.team())
          + "）可以登记返回单位。");
    }
    execution.setProcessBusinessKey(caseNumber);
    CASE_COLUMNS.forEach(name -> execution.setVariable(name, caseVariables.get(name)));
    execution.setVariable(HANDOVER_TEAM, team.team());
    execution.setVariable(HANDOVER_HANDLER, team.handler());
    execution.setVariable(HANDOVER_ID, register.recordReturn(caseNumber, execution.getProcessInstanceId(), team.team(),
        DossierRegister.today(), tripPurpose));
  }

  /** The case's variables (team members may not read its instance: only supervisors read all). */
  private static Map<String, Object> caseVariables(RuntimeService runtime, String caseNumber) {
    return Context.getCommandContext().runWithoutAuthorization(() -> {
      ProcessInstance enforcementCase = runtime.createProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
          .processInstanceBusinessKey(caseNumber).singleResult();
      return enforcementCase == null ? null : runtime.getVariables(enforcementCase.getId(), CASE_STATE);
    });
  }
}
