package cn.court.enforcement.entrusted;

import static cn.court.enforcement.entrusted.EntrustedVariables.*;

import cn.court.enforcement.casefile.CaseTeam;
import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.PartyVariables;
import cn.court.enforcement.handler.HandlerVariables;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 委托线下查控 (service task of the team's measures, enforcement-case): the team's request goes to
 * the intensive-affairs team's queue as an {@code entrusted-matter} (message start
 * {@value EntrustedVariables#REQUESTED_MESSAGE}, business key the case number) and the team goes on
 * with its other measures; the result comes back by {@value EntrustedVariables#REPORTED_MESSAGE}.
 */
@Component("requestOfflineMeasure")
public class RequestOfflineMeasure implements JavaDelegate {

  /** What the intensive-affairs task card shows of the case (Tasklist's columns). */
  private static final String[] CARD = {PartyVariables.APPLICANT_NAME, PartyVariables.RESPONDENT_NAME,
      CaseVariables.AMOUNT_CLAIMED};

  @Override
  public void execute(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    String request = check.text(OFFLINE_REQUEST, "请求办理的线下查控事项");
    check.throwIfInvalid("无法委托线下查控");
    String caseNumber = execution.getProcessBusinessKey();
    CaseTeam team = CaseTeam.of(execution::getVariable);
    Map<String, Object> variables = new HashMap<>();
    for (String name : CARD) {
      variables.put(name, execution.getVariable(name));
    }
    variables.put(CaseVariables.CASE_NUMBER, caseNumber);
    variables.put(CASE_INSTANCE_ID, execution.getProcessInstanceId());
    variables.put(MATTER_SOURCE, SOURCE_TEAM);
    variables.put(REQUESTING_TEAM, team.team());
    variables.put(HandlerVariables.CASE_HANDLER, team.handler());
    variables.put(OFFLINE_REQUEST, request);
    execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(REQUESTED_MESSAGE)
        .processInstanceBusinessKey(caseNumber).setVariables(variables).correlateStartMessage();
    execution.removeVariable(OFFLINE_REQUEST);
  }
}
