package cn.court.enforcement.funds;

import static cn.court.enforcement.funds.FundsVariables.APPLICANT_NOTIFIED_ON;
import static cn.court.enforcement.funds.FundsVariables.DEFERRAL_REASON;
import static cn.court.enforcement.funds.FundsVariables.DISPOSAL_COSTS;
import static cn.court.enforcement.funds.FundsVariables.EXECUTION_FEE;
import static cn.court.enforcement.funds.FundsVariables.MAX_PAYEES;
import static cn.court.enforcement.funds.FundsVariables.PAYEE;
import static cn.court.enforcement.funds.FundsVariables.PAYOUT_SUMMARY;
import static cn.court.enforcement.funds.FundsVariables.PAYOUT_TOTAL;
import static cn.court.enforcement.funds.FundsVariables.SHARE;

import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import cn.court.enforcement.funds.CaseMoneyLedger.Arrival;
import cn.court.enforcement.funds.CaseMoneyLedger.Share;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 核算案款并拟定发放方案, the handler's work within 30 days of the arrival
 * (《最高人民法院关于执行款物管理工作的规定》（法发〔2017〕6号）第十一条第一款: 核算执行款、结算执行费用、
 * 通知申请执行人领取、发放): the amount checked, the execution fee and disposal costs settled on this
 * arrival, the applicant notified, and the payout proposed as each payee's share. The shares add up
 * to the payout; costs and payout together never take more than the case's money not yet paid,
 * costed or proposed (refused with the balance). Paying less than is available is a deferral
 * (延缓发放, 第十一条第二款), which needs its reason and the approver's consent.
 */
@Component("proposePayout")
public class ProposePayout extends TaskCompletionListener {

  private final CaseMoneyLedger ledger;
  private final PayoutRoute route;

  public ProposePayout(CaseMoneyLedger ledger, PayoutRoute route) {
    this.ledger = ledger;
    this.route = route;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    check.require(check.flag("amountChecked"), "请核对到账金额并勾选「已核对到账金额」");
    BigDecimal fee = check.amount(EXECUTION_FEE, "执行费");
    BigDecimal disposal = check.amount(DISPOSAL_COSTS, "处置费用");
    LocalDate notified = check.date(APPLICANT_NOTIFIED_ON, "通知申请执行人日期");
    BigDecimal total = check.amount(PAYOUT_TOTAL, "本次发放金额");
    List<Share> shares = shares(check);
    String deferral = check.optionalText(DEFERRAL_REASON, "暂缓发放理由", FormCheck.MAX_TEXT);
    check.throwIfInvalid(taskName(execution));

    String caseNumber = execution.getProcessBusinessKey();
    ledger.lockCase(caseNumber);
    Arrival arrival = ledger.arrivalOf(execution.getProcessInstanceId()).orElseThrow();
    BigDecimal sum = shares.stream().map(Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    check.require(sum.compareTo(total) == 0, "各收款人份额之和（%s 元）与本次发放金额（%s 元）不一致"
        .formatted(CaseMoneyLedger.cents(sum).toPlainString(), CaseMoneyLedger.cents(total).toPlainString()));
    check.require(total.signum() == 0 || !shares.isEmpty(), "请填写收款人及其发放份额");
    // This arrival's costs are settled again: what it had settled before is free for this settlement.
    CaseMoneyBalance balance = ledger.balance(caseNumber);
    BigDecimal available = balance.available().add(arrival.costs());
    BigDecimal wanted = fee.add(disposal).add(total);
    check.require(wanted.compareTo(available) <= 0, "执行费用与本次发放金额合计 %s 元，超过本案可发放的案款余额 %s 元（%s）"
        .formatted(CaseMoneyLedger.cents(wanted).toPlainString(), CaseMoneyLedger.cents(available).toPlainString(),
            balance.describe()));
    check.require(wanted.compareTo(available) >= 0 || deferral != null,
        "本次未发放全部余额（余 %s 元），请填写暂缓发放理由（《最高人民法院关于执行款物管理工作的规定》第十一条第二款）"
            .formatted(CaseMoneyLedger.cents(available.subtract(wanted).max(BigDecimal.ZERO)).toPlainString()));
    check.throwIfInvalid(taskName(execution));

    ledger.settle(arrival.id(), fee, disposal, notified);
    ledger.propose(arrival, shares, route.user(execution));
    execution.setVariable(PAYOUT_TOTAL, CaseMoneyLedger.cents(total).toPlainString());
    execution.setVariable(PAYOUT_SUMMARY, shares.isEmpty() ? "本次不发放"
        : shares.stream().map(s -> s.payee() + " " + CaseMoneyLedger.cents(s.amount()).toPlainString() + " 元")
            .collect(Collectors.joining("；")));
    execution.setVariable(FundsVariables.DEFERRAL_REASON, wanted.compareTo(available) < 0 ? deferral : null);
  }

  /** The payees named in the form, each with a share above zero. */
  private static List<Share> shares(FormCheck check) {
    List<Share> shares = new ArrayList<>();
    for (int i = 1; i <= MAX_PAYEES; i++) {
      String payee = check.optionalText(PAYEE + i, "收款人" + i, 200);
      Object share = check.raw(SHARE + i);
      boolean hasShare = share != null && !share.toString().isBlank();
      if (payee == null && !hasShare) {
        continue;
      }
      check.require(payee != null, "请填写收款人" + i + "的姓名或名称");
      BigDecimal amount = hasShare ? check.amount(SHARE + i, "收款人" + i + "的发放份额") : null;
      check.require(hasShare, "请填写收款人" + i + "的发放份额");
      check.require(amount == null || amount.signum() > 0, "收款人" + i + "的发放份额应大于零");
      if (payee != null && amount != null && amount.signum() > 0) {
        shares.add(new Share(payee, amount));
      }
    }
    return shares;
  }
}
