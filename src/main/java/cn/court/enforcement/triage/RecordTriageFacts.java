package cn.court.enforcement.triage;

import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Completion of 登记繁简分流要素: the six quick-team criteria (seed §2) the triage decision reads
 * are yes/no. A criterion left out is not met, so the decision always sees six booleans; any
 * other value is refused here rather than failing the decision table.
 */
@Component("recordTriageFacts")
public class RecordTriageFacts extends TaskCompletionListener {

  static final List<String> CRITERIA = List.of("depositsCoverDebt", "assistanceNoticeSuffices",
      "realEstateOrVehicleTransfer", "performanceOrSettlementLikely", "refusalOrRejectionLikely", "otherSimpleCase");

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    for (String criterion : CRITERIA) {
      Object value = execution.getVariable(criterion);
      check.require(value == null || value instanceof Boolean, "分流要素 " + criterion + " 只能为是或否");
    }
    check.throwIfInvalid(taskName(execution));
    CRITERIA.forEach(criterion -> execution.setVariable(criterion, Boolean.TRUE.equals(execution.getVariable(criterion))));
  }
}
