package cn.court.enforcement.disposal;

import static cn.court.enforcement.disposal.DisposalVariables.*;

import cn.court.enforcement.calendar.Deadlines;
import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 登记参考价 / 登记评估报告: the price (exact to the fen) and, for a report, the day it was served on the
 * parties (《最高人民法院关于人民法院确定财产处置参考价若干问题的规定》第二十条: within three days of receipt).
 * A 网络询价 or 评估 report may be objected to within five days of receipt (第二十二条): the period's end
 * is the timer {@value DisposalVariables#OBJECTION_PERIOD_ENDS}.
 */
@Component("recordReferencePrice")
public class RecordReferencePrice extends TaskCompletionListener {

  /** 第二十二条: 收到报告后五日内提出书面异议. */
  static final int OBJECTION_DAYS = 5;
  private static final Set<String> OBJECTABLE = Set.of(CheckReferenceMethod.ONLINE, CheckReferenceMethod.APPRAISAL);

  private final Deadlines deadlines;
  private final DisposalRegistry registry;

  public RecordReferencePrice(Deadlines deadlines, DisposalRegistry registry) {
    this.deadlines = deadlines;
    this.registry = registry;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck form = new FormCheck(execution::getVariable);
    String method = (String) execution.getVariable(REFERENCE_METHOD);
    BigDecimal price = DisposalForm.price(form, REFERENCE_PRICE, "参考价（元）");
    LocalDate determined = form.date("referenceDate", "参考价确定（报告出具）日期");
    LocalDate served = CheckReferenceMethod.NEGOTIATION.equals(method) ? null : form.date("reportServedOn", "报告送达当事人日期");
    if (determined != null && served != null) {
      form.require(!served.isBefore(determined), "报告送达日期不能早于报告出具日期");
    }
    form.throwIfInvalid(taskName(execution));
    execution.setVariable(REFERENCE_PRICE, price.toPlainString());
    boolean objectable = OBJECTABLE.contains(method);
    execution.setVariable(OBJECTION_PERIOD, objectable);
    if (objectable) {
      execution.setVariable(OBJECTION_PERIOD_ENDS, deadlines.endOf(served.plusDays(OBJECTION_DAYS)));
    }
    registry.referencePrice(execution.getProcessInstanceId(), method, price);
  }
}
