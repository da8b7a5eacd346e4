package cn.court.enforcement.termination;

import static cn.court.enforcement.termination.ResumptionVariables.INFORMED_BY;

import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Completion of a letter task (form resumption-letter) of the follow-up or the resumption: the
 * applicant was told, in one of the ways documents are served; the day is the completion's.
 */
@Component("checkApplicantInformed")
public class ResumptionLetters extends TaskCompletionListener {

  static final Set<String> WAYS = Set.of("letter", "phone", "sms", "in-person");
  static final String INFORMED_ON = "applicantInformedOn";

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    check.oneOf(INFORMED_BY, "告知方式", WAYS);
    check.throwIfInvalid(taskName(execution));
    execution.setVariable(INFORMED_ON,
        LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault()).toString());
  }
}
