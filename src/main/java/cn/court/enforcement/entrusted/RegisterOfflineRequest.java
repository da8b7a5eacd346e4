package cn.court.enforcement.entrusted;

import static cn.court.enforcement.entrusted.EntrustedVariables.*;

import cn.court.enforcement.calendar.Deadlines;
import cn.court.enforcement.casefile.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of 承办团队请求线下查控 (message start): registers a team's request in the same
 * register as the other courts' matters, received today.
 */
@Component("registerOfflineRequest")
public class RegisterOfflineRequest implements ExecutionListener {

  static final String KIND = "offline-control";

  private final EntrustedMatters matters;
  private final Deadlines deadlines;

  public RegisterOfflineRequest(EntrustedMatters matters, Deadlines deadlines) {
    this.matters = matters;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
    String team = (String) execution.getVariable(REQUESTING_TEAM);
    String request = (String) execution.getVariable(OFFLINE_REQUEST);
    long id = matters.register(execution.getProcessInstanceId(), new EntrustedMatters.NewMatter(SOURCE_TEAM,
        caseNumber, null, KIND, request, null, team, deadlines.today(), null, null));
    execution.setVariable(MATTER_ID, id);
    execution.setVariable(MATTER_SUMMARY, "本院案件 %s，承办团队请求办理的线下查控事项：%s".formatted(caseNumber, request));
  }
}
