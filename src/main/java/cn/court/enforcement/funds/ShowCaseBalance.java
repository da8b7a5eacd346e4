package cn.court.enforcement.funds;

import static cn.court.enforcement.funds.FundsVariables.CASE_MONEY_AVAILABLE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When the handler's task is created: the money the handler may settle and pay out now — the
 * case's balance not yet paid, costed or proposed, plus this arrival's own costs, which the
 * handler settles again — shown in the form (text, to the fen).
 */
@Component("showCaseBalance")
public class ShowCaseBalance implements TaskListener {

  private final CaseMoneyLedger ledger;

  public ShowCaseBalance(CaseMoneyLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseMoneyLedger.Arrival arrival = ledger.arrivalOf(task.getProcessInstanceId()).orElseThrow();
    task.getExecution().setVariable(CASE_MONEY_AVAILABLE,
        ledger.balance(arrival.caseNumber()).available().add(arrival.costs()).toPlainString());
  }
}
