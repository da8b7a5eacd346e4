package cn.court.enforcement.calendar;

import cn.court.enforcement.casefile.InvalidCaseDataException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code time-limit-extension}: the case comes from the business key or
 * the start form's {@code caseNumber}; a request too late or too long is refused before
 * anything is stored. Leaves {@code currentDeadline} for the approvers' forms.
 */
@Component("checkExtensionRequest")
public class CheckExtensionRequest implements ExecutionListener {

  private final CaseClock clock;

  public CheckExtensionRequest(CaseClock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    if (caseNumber == null || caseNumber.isBlank()) {
      Object fromForm = execution.getVariable("caseNumber");
      if (fromForm == null || fromForm.toString().isBlank()) {
        throw new InvalidCaseDataException("请填写要延长执行期限的案号。");
      }
      caseNumber = fromForm.toString().trim();
      execution.setProcessBusinessKey(caseNumber);
    }
    execution.setVariable("caseNumber", caseNumber);
    if (!(execution.getVariable("requestedMonths") instanceof Number months)) {
      throw new InvalidCaseDataException("请填写申请延长的月数（1 至 " + CaseClock.MAX_EXTENSION_MONTHS + "）。");
    }
    execution.setVariable("currentDeadline", clock.checkExtensionRequest(caseNumber, months.intValue()).toString());
  }
}
