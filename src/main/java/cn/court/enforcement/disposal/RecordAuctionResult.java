package cn.court.enforcement.disposal;

import static cn.court.enforcement.disposal.DisposalVariables.*;

import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 登记拍卖结果: sold — the buyer and the price, never below the start price — or unsold (流拍,
 * 《最高人民法院关于人民法院网络司法拍卖若干问题的规定》第二十六条: nobody bid).
 */
@Component("recordAuctionResult")
public class RecordAuctionResult extends TaskCompletionListener {

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck form = new FormCheck(execution::getVariable);
    String result = form.oneOf(AUCTION_RESULT, "拍卖结果", List.of("sold", "unsold"));
    if ("sold".equals(result)) {
      String buyer = form.text("buyer", "买受人", 255);
      BigDecimal price = DisposalForm.price(form, FINAL_PRICE, "成交价（元）");
      BigDecimal start = new BigDecimal((String) execution.getVariable(START_PRICE));
      form.require(price == null || price.compareTo(start) >= 0, "成交价不能低于起拍价 " + start + " 元");
      form.throwIfInvalid(taskName(execution));
      execution.setVariable(FINAL_PRICE, price.toPlainString());
      execution.setVariable(DISPOSAL_PAYER, buyer);
      execution.setVariable(DISPOSAL_OUTCOME, SOLD);
    } else {
      form.throwIfInvalid(taskName(execution));
    }
  }
}
