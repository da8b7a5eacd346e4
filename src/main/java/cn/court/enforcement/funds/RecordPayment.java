package cn.court.enforcement.funds;

import static cn.court.enforcement.funds.FundsVariables.DEFERRAL_REASON;
import static cn.court.enforcement.funds.FundsVariables.FINANCE_NOTE;
import static cn.court.enforcement.funds.FundsVariables.PAID_ON;
import static cn.court.enforcement.funds.FundsVariables.PAYMENT_RESULT;

import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 审核并支付执行款: the finance office checks the approved payout (《最高人民法院关于执行款物管理工作的规定》
 * （法发〔2017〕6号）第十四条: 查验执行款发放审批表并按财务管理规定审核) and pays it, with the date; or sends
 * it back to the handler with the reason. Paid, the case's payouts never exceed what arrived less
 * the costs (checked again here, the case's ledger locked).
 */
@Component("recordPayment")
public class RecordPayment extends TaskCompletionListener {

  private final CaseMoneyLedger ledger;
  private final PayoutRoute route;

  public RecordPayment(CaseMoneyLedger ledger, PayoutRoute route) {
    this.ledger = ledger;
    this.route = route;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    String result = check.oneOf(PAYMENT_RESULT, "审核结果", List.of("paid", "return"));
    LocalDate paidOn = "paid".equals(result) ? check.date(PAID_ON, "支付日期") : null;
    if ("return".equals(result)) {
      check.text(FINANCE_NOTE, "退回理由");
    }
    check.throwIfInvalid(taskName(execution));
    String caseNumber = execution.getProcessBusinessKey();
    ledger.lockCase(caseNumber);
    long arrival = ledger.arrivalOf(execution.getProcessInstanceId()).orElseThrow().id();
    if ("return".equals(result)) {
      String reason = "院财务室退回：" + check.optionalText(FINANCE_NOTE);
      ledger.reject(arrival, reason);
      route.back(execution, reason);
      return;
    }
    ledger.pay(arrival, route.user(execution), paidOn);
    CaseMoneyBalance balance = ledger.balance(caseNumber);
    check.require(balance.outstanding().signum() >= 0, "支付后本案发放金额将超过到账金额（" + balance.describe() + "）");
    check.throwIfInvalid(taskName(execution));
    route.finished(execution, execution.getVariable(DEFERRAL_REASON) != null);
  }
}
