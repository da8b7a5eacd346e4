package cn.court.enforcement.disposal;

import static cn.court.enforcement.disposal.DisposalVariables.*;

import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** 登记变卖成交: a buyer during the sale-off period, at no less than the sale-off price. */
@Component("recordSaleOff")
public class RecordSaleOff extends TaskCompletionListener {

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck form = new FormCheck(execution::getVariable);
    String buyer = form.text("buyer", "买受人", 255);
    BigDecimal price = DisposalForm.price(form, FINAL_PRICE, "成交价（元）");
    BigDecimal least = new BigDecimal((String) execution.getVariable(SALE_OFF_PRICE));
    form.require(price == null || price.compareTo(least) >= 0, "成交价不能低于变卖价 " + least + " 元");
    form.throwIfInvalid(taskName(execution));
    execution.setVariable(FINAL_PRICE, price.toPlainString());
    execution.setVariable(DISPOSAL_PAYER, buyer);
    execution.setVariable(DISPOSAL_OUTCOME, SOLD_OFF);
    execution.setVariable(SALE_OFF_RESULT, "sold");
  }
}
