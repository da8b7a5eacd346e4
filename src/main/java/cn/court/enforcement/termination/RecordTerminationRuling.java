package cn.court.enforcement.termination;

import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The judge signed the 终本 ruling (Task_SignTerminationRuling): the ruling states the amount still
 * unpaid (法〔2016〕373号 第六条: 裁定书载明 … 未实现的债权), recorded as the case variable
 * {@value #UNPAID_AMOUNT} (String decimal) with the ruling's date {@value #RULED_ON}, and the case goes
 * into the termination register (终本案件库) with its checklist as approved.
 */
@Component("recordTerminationRuling")
public class RecordTerminationRuling extends TaskCompletionListener {

  public static final String UNPAID_AMOUNT = "unpaidAmount";
  public static final String RULED_ON = "terminationRuledOn";
  static final String RULING_NUMBER = "terminationRulingNumber";

  private final TerminationChecklist checklist;
  private final TerminationRegister register;

  public RecordTerminationRuling(TerminationChecklist checklist, TerminationRegister register) {
    this.checklist = checklist;
    this.register = register;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    String number = check.text(RULING_NUMBER, "裁定文号", 100);
    LocalDate ruledOn = check.date(RULED_ON, "裁定日期");
    BigDecimal unpaid = check.amount(UNPAID_AMOUNT, "未履行金额（元）");
    check.require(unpaid == null || unpaid.signum() > 0, "终本案件尚有未履行的债权，未履行金额须大于零");
    check.throwIfInvalid(taskName(execution));
    String caseNumber = execution.getProcessBusinessKey();
    String amount = unpaid.setScale(2).toPlainString();
    execution.setVariable(UNPAID_AMOUNT, amount);
    execution.setVariable(RULED_ON, ruledOn.toString());
    register.register(new TerminationRegister.Entry(caseNumber, execution.getProcessInstanceId(), number, ruledOn,
        new BigDecimal(amount), (String) execution.getVariable(CheckTerminationReview.FIRST_REVIEWED_BY),
        (String) execution.getVariable(CheckTerminationReview.APPROVED_BY),
        TerminationChecklist.text(checklist.of(caseNumber, execution::getVariable))));
  }
}
