package cn.court.enforcement.disposal;

import static cn.court.enforcement.disposal.DisposalVariables.*;

import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 登记价款到账: a sale's price arrives in full ({@code proceedsAmount} equals the price), with the day
 * it arrived and the payer; taken in lieu, the taker pays only a difference above the debt (补交差价,
 * often nothing), so any amount from 0 up to the price is accepted and a day is needed only for money.
 */
@Component("recordProceeds")
public class RecordProceeds extends TaskCompletionListener {

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck form = new FormCheck(execution::getVariable);
    BigDecimal amount = form.amount(PROCEEDS, "到账金额（元）");
    String payer = form.text(DISPOSAL_PAYER, "付款人", 255);
    BigDecimal price = new BigDecimal((String) execution.getVariable(FINAL_PRICE));
    boolean inLieu = IN_LIEU.equals(execution.getVariable(DISPOSAL_OUTCOME));
    if (amount != null && !inLieu) {
      form.require(amount.compareTo(price) == 0, "到账金额应为成交价 " + price + " 元（价款全额到账后登记）");
    }
    if (amount != null && inLieu) {
      form.require(amount.compareTo(price) <= 0, "补交的差价不能超过抵债价 " + price + " 元");
    }
    LocalDate arrived = amount != null && amount.signum() > 0 ? form.date(PROCEEDS_ARRIVED_ON, "到账日期") : null;
    form.throwIfInvalid(taskName(execution));
    execution.setVariable(PROCEEDS, FormCheck.money(amount).toPlainString());
    execution.setVariable(PROCEEDS_ARRIVED_ON, arrived == null ? null : arrived.toString());
    execution.setVariable(DISPOSAL_PAYER, payer);
  }
}
