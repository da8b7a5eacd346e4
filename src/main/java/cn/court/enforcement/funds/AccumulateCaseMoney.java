package cn.court.enforcement.funds;

import static cn.court.enforcement.casefile.CaseVariables.CASE_MONEY_PAID_OUT;
import static cn.court.enforcement.casefile.CaseVariables.CASE_MONEY_RECEIVED;
import static cn.court.enforcement.casefile.CaseVariables.MONEY_PAID_OUT;
import static cn.court.enforcement.casefile.CaseVariables.MONEY_RECEIVED;

import cn.court.enforcement.casefile.FormCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of a case-funds run: adds what it received and paid out to the case's totals, which
 * the closure check compares (no closure while money is unpaid).
 */
@Component("accumulateCaseMoney")
public class AccumulateCaseMoney implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    add(execution, CASE_MONEY_RECEIVED, MONEY_RECEIVED);
    add(execution, CASE_MONEY_PAID_OUT, MONEY_PAID_OUT);
  }

  private static void add(DelegateExecution execution, String total, String run) {
    double sum = FormCheck.money(execution.getVariable(total))
        .add(FormCheck.money(execution.getVariable(run))).doubleValue();
    execution.setVariable(total, sum);
    execution.removeVariable(run);
  }
}
