package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseVariables.PROPERTY_DESCRIPTION;
import static cn.court.enforcement.casefile.CaseVariables.PROPERTY_ITEM_ID;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The intensive-affairs task for one property item (multi-instance over the items that need
 * offline action): on create it shows which item, on complete it records the result.
 */
@Component("controlPropertyOffline")
public class ControlPropertyOffline implements TaskListener {

  static final Set<String> MEASURES = Set.of("seize", "freeze", "deduct", "detain", "none");
  private static final List<String> FIELDS = List.of("offlineMeasure", "measureDate", "measureSummary");

  private final CaseRegistry registry;

  public ControlPropertyOffline(CaseRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void notify(DelegateTask task) {
    long itemId = ((Number) task.getVariable(PROPERTY_ITEM_ID)).longValue();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariableLocal(PROPERTY_DESCRIPTION, describe(registry.propertyItem(itemId)));
      return;
    }
    FormCheck check = new FormCheck(task::getVariable);
    String measure = check.oneOf("offlineMeasure", "采取的措施", MEASURES);
    LocalDate date = check.date("measureDate", "办理日期");
    String summary = check.text("measureSummary", "办理情况");
    check.throwIfInvalid("无法完成「" + task.getName() + "」");
    registry.recordOfflineResult(itemId, measure, date, summary);
    task.getExecution().removeVariables(FIELDS); // parallel instances would otherwise share them
  }

  static String describe(CaseRegistry.PropertyItem item) {
    return "%s｜%s｜%s 元%s".formatted(PropertyKinds.LABELS.getOrDefault(item.kind(), item.kind()),
        item.holderInstitution(), item.value().toPlainString(), item.controlled() ? "｜网上已控制" : "");
  }
}
