package cn.court.enforcement.calendar;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Applies an approved and signed extension to the case clock; leaves {@code newDeadline}. */
@Component("extendCaseDeadline")
public class ExtendCaseDeadline implements JavaDelegate {

  private final CaseClock clock;

  public ExtendCaseDeadline(CaseClock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int months = ((Number) execution.getVariable("requestedMonths")).intValue();
    execution.setVariable("newDeadline",
        clock.extend(execution.getProcessBusinessKey(), months, execution.getProcessInstanceId()).toString());
  }
}
