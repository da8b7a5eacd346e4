package cn.court.enforcement.disposal;

import static cn.court.enforcement.disposal.DisposalVariables.*;

import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 询问是否以物抵债: after an unsold round the applicant or another creditor may take the asset at that
 * round's start price (《最高人民法院关于人民法院网络司法拍卖若干问题的规定》第二十六条 with
 * 《最高人民法院关于人民法院民事执行中拍卖、变卖财产的规定》第十六条). Declined after the first round: the
 * second auction; after the second: sale-off (变卖). {@code nextStep} steers the diagram's gateway.
 */
@Component("decideInLieu")
public class DecideInLieu extends TaskCompletionListener {

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck form = new FormCheck(execution::getVariable);
    String answer = form.oneOf("inLieu", "是否以物抵债", List.of("accept", "decline"));
    String taker = "accept".equals(answer) ? form.text("inLieuTaker", "接受抵债的申请执行人或其他执行债权人", 255) : null;
    form.throwIfInvalid(taskName(execution));
    int round = ((Number) execution.getVariable(AUCTION_ROUND)).intValue();
    if (taker != null) {
      execution.setVariable(DISPOSAL_OUTCOME, IN_LIEU);
      execution.setVariable(DISPOSAL_PAYER, taker);
      execution.setVariable(FINAL_PRICE, execution.getVariable(START_PRICE));
      execution.setVariable("nextStep", "in-lieu");
    } else if (round == 1) {
      // The second notice asks for a new start price; the first stays in firstStartPrice.
      execution.removeVariable(START_PRICE);
      execution.setVariable(AUCTION_ROUND, 2);
      execution.setVariable("nextStep", "second-auction");
    } else {
      execution.setVariable("nextStep", "sale-off");
    }
  }
}
