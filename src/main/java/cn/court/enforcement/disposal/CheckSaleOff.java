package cn.court.enforcement.disposal;

import static cn.court.enforcement.disposal.DisposalVariables.*;

import cn.court.enforcement.calendar.Deadlines;
import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 发布变卖公告: after the second unsold round the asset is sold off on the same platform at no less than
 * the second round's start price, for the period of the time-limit row {@value #PERIOD} (60 days by
 * default; 《最高人民法院关于认真做好网络司法拍卖与网络司法变卖衔接工作的通知》（法〔2017〕288号）, see
 * docs/decisions.md). The period's end is the timer {@value DisposalVariables#SALE_OFF_ENDS}, counted from
 * the start day the handler records (the platform's, which may be a day or two before it is recorded).
 */
@Component("checkSaleOff")
public class CheckSaleOff extends TaskCompletionListener {

  static final String PERIOD = "disposal-sale-off";

  private final Deadlines deadlines;

  public CheckSaleOff(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck form = new FormCheck(execution::getVariable);
    BigDecimal price = DisposalForm.price(form, SALE_OFF_PRICE, "变卖价（元）");
    LocalDate starts = DisposalForm.day(form, "saleOffStartsOn", "变卖开始日期");
    BigDecimal second = new BigDecimal((String) execution.getVariable(START_PRICE));
    form.require(price == null || price.compareTo(second) >= 0, "变卖价 " + price + " 元低于二拍流拍价（二拍起拍价）" + second
        + " 元（法〔2017〕288号：变卖价为网络司法拍卖二拍流拍价）");
    form.throwIfInvalid(taskName(execution));
    execution.setVariable(SALE_OFF_PRICE, price.toPlainString());
    execution.setVariable(SALE_OFF_ENDS, deadlines.endOf(deadlines.limit(PERIOD).lastDay(starts, deadlines.calendar())));
    execution.setVariable(SALE_OFF_RESULT, "unsold");
  }
}
