package cn.court.enforcement.disposal;

import static cn.court.enforcement.disposal.DisposalVariables.*;

import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 变卖不成的处理: nobody bought in the sale-off period and nobody took the asset in lieu — the seizure is
 * released (解除查封), or kept with a reason (继续查封, e.g. the applicant gives a new way to realise it).
 */
@Component("decideUnsoldAsset")
public class DecideUnsoldAsset extends TaskCompletionListener {

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck form = new FormCheck(execution::getVariable);
    String decision = form.oneOf("unsoldDecision", "处理方式", List.of(RELEASED, KEPT));
    String reason = KEPT.equals(decision) ? form.text(OUTCOME_REASON, "继续查封的理由")
        : form.optionalText(OUTCOME_REASON, "说明", FormCheck.MAX_TEXT);
    form.throwIfInvalid(taskName(execution));
    execution.setVariable(DISPOSAL_OUTCOME, decision);
    execution.setVariable(OUTCOME_REASON, reason);
  }
}
