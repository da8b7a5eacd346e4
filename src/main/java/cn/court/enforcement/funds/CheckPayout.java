package cn.court.enforcement.funds;

import static cn.court.enforcement.casefile.CaseVariables.CASE_MONEY_PAID_OUT;
import static cn.court.enforcement.casefile.CaseVariables.CASE_MONEY_RECEIVED;
import static cn.court.enforcement.casefile.CaseVariables.MONEY_PAID_OUT;
import static cn.court.enforcement.casefile.CaseVariables.MONEY_RECEIVED;

import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 审核发放案款: at most what is still unpaid (earlier runs' remainder plus what arrived now) is
 * paid out, and a payment has its date.
 */
@Component("checkPayout")
public class CheckPayout extends TaskCompletionListener {

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    BigDecimal paid = check.amount(MONEY_PAID_OUT, "发放金额");
    if (paid != null && paid.signum() > 0) {
      check.date("moneyPaidOutOn", "发放日期");
    }
    BigDecimal unpaid = FormCheck.money(check.raw(CASE_MONEY_RECEIVED))
        .subtract(FormCheck.money(check.raw(CASE_MONEY_PAID_OUT)))
        .add(FormCheck.money(check.raw(MONEY_RECEIVED)));
    check.require(paid == null || paid.compareTo(unpaid) <= 0,
        "发放金额不能超过待发放金额（" + unpaid.toPlainString() + " 元）");
    check.throwIfInvalid(taskName(execution));
  }
}
