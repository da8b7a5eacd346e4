package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseVariables.PROPERTY_DESCRIPTION;
import static cn.court.enforcement.casefile.CaseVariables.PROPERTY_ITEM_ID;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The intensive-affairs task for one property item (multi-instance over the items that need
 * offline action): as task listener on create it shows which item, on completion it records
 * the result.
 */
@Component("controlPropertyOffline")
public class ControlPropertyOffline extends TaskCompletionListener implements TaskListener {

  static final Set<String> MEASURES = Set.of("seize", "freeze", "deduct", "detain", "none");
  /** The labels of form offline-control for the measures that control the item. */
  private static final Map<String, String> OFFLINE_LABELS = Map.of(
      "seize", "查封", "freeze", "冻结", "deduct", "扣划", "detain", "扣押");
  private static final List<String> FIELDS = List.of("offlineMeasure", "measureDate", "measureSummary");

  private final CaseRegistry registry;

  public ControlPropertyOffline(CaseRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(PROPERTY_DESCRIPTION, describe(registry.propertyItem(itemId(task.getExecution()))));
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    String measure = check.oneOf("offlineMeasure", "采取的措施", MEASURES);
    LocalDate date = check.date("measureDate", "办理日期");
    String summary = check.text("measureSummary", "办理情况");
    check.throwIfInvalid(taskName(execution));
    registry.recordOfflineResult(itemId(execution), measure, date, summary);
    execution.removeVariables(FIELDS); // parallel instances would otherwise share them
  }

  private static long itemId(DelegateExecution execution) {
    return ((Number) execution.getVariable(PROPERTY_ITEM_ID)).longValue();
  }

  static String describe(CaseRegistry.PropertyItem item) {
    return "%s｜%s｜%s 元%s".formatted(PropertyKinds.LABELS.getOrDefault(item.kind(), item.kind()),
        item.holderInstitution(), item.value().toPlainString(), control(item));
  }

  /** An offline measure marks the item controlled too, so it names the measure, not the online control. */
  private static String control(CaseRegistry.PropertyItem item) {
    String offline = OFFLINE_LABELS.get(String.valueOf(item.offlineMeasure()));
    return offline != null ? "｜已线下" + offline : item.controlled() ? "｜网上已控制" : "";
  }
}
