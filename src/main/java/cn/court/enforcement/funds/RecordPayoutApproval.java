package cn.court.enforcement.funds;

import static cn.court.enforcement.funds.FundsVariables.APPROVAL_OPINION;
import static cn.court.enforcement.funds.FundsVariables.DEFERRAL_REASON;
import static cn.court.enforcement.funds.FundsVariables.PAYOUT_DECISION;
import static cn.court.enforcement.funds.FundsVariables.PAYOUT_TOTAL;

import cn.court.enforcement.calendar.Deadlines;
import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 审批执行款发放: the payout (and a deferral of the rest) is approved by the bureau chief or the
 * court's leader in charge before the finance office pays — 《最高人民法院关于执行款物管理工作的规定》
 * （法发〔2017〕6号）第十二条「报经执行局局长或主管院领导审批后，交由财务部门办理支付手续」, 第十一条第二款
 * for a deferral. Sent back, the proposal is void and the handler proposes again.
 */
@Component("recordPayoutApproval")
public class RecordPayoutApproval extends TaskCompletionListener {

  private final CaseMoneyLedger ledger;
  private final PayoutRoute route;
  private final Deadlines deadlines;

  public RecordPayoutApproval(CaseMoneyLedger ledger, PayoutRoute route, Deadlines deadlines) {
    this.ledger = ledger;
    this.route = route;
    this.deadlines = deadlines;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    String decision = check.oneOf(PAYOUT_DECISION, "审批意见", List.of("approve", "return"));
    if ("return".equals(decision)) {
      check.text(APPROVAL_OPINION, "退回理由");
    }
    check.throwIfInvalid(taskName(execution));
    long arrival = ledger.arrivalOf(execution.getProcessInstanceId()).orElseThrow().id();
    if ("return".equals(decision)) {
      String reason = "执行局领导退回：" + check.optionalText(APPROVAL_OPINION);
      ledger.reject(arrival, reason);
      route.back(execution, reason);
      return;
    }
    ledger.approve(arrival, route.user(execution), deadlines.today());
    if (new BigDecimal(execution.getVariable(PAYOUT_TOTAL).toString()).signum() > 0) {
      route.to(execution, FundsVariables.NEXT_PAY);
    } else {
      route.finished(execution, execution.getVariable(DEFERRAL_REASON) != null);
    }
  }
}
