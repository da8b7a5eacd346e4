package cn.court.enforcement.termination;

import static cn.court.enforcement.termination.ResumptionVariables.*;

import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Completion of the resumption review (form resumption-review): approved, or refused with the
 * reason the applicant is told (the refusal letter's text).
 */
@Component("recordResumptionReview")
public class RecordResumptionReview extends TaskCompletionListener {

  static final int MAX_REASON = 2000;

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    String decision = check.oneOf(DECISION, "审查意见", Set.of(APPROVED, REFUSED));
    String reason = REFUSED.equals(decision) ? check.text(REFUSAL_REASON, "不予恢复执行的理由", MAX_REASON) : null;
    check.throwIfInvalid(taskName(execution));
    if (reason != null) {
      execution.setVariable(LETTER_SUBJECT, "不予恢复执行告知");
      execution.setVariable(LETTER_TEXT, "经审查，本院对案件" + execution.getProcessBusinessKey()
          + "决定不予恢复执行。理由：" + reason + "。申请执行人发现被执行人有可供执行财产的，仍可以申请恢复执行，不受申请执行时效期间的限制。");
    } else {
      execution.removeVariable(REFUSAL_REASON);
    }
  }
}
