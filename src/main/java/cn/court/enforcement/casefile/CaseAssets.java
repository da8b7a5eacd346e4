package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseVariables.PROPERTY_ITEM_OPTIONS;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The case's property items as the assets a team can send to disposal: as task listener on
 * create it gives the team's task the options of its asset picker (team-next-step, quick-case).
 */
@Component("caseAssets")
public class CaseAssets implements TaskListener {

  private final CaseRegistry registry;

  public CaseAssets(CaseRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = task.getExecution().getProcessBusinessKey();
    task.setVariableLocal(PROPERTY_ITEM_OPTIONS, PartyVariables.json(registry.propertyItems(caseNumber).stream()
        .map(item -> Map.of("label", ControlPropertyOffline.describe(item), "value", String.valueOf(item.id())))
        .toList()));
  }

  /** The case's property item of this id, or empty when the case has no such item. */
  public java.util.Optional<CaseRegistry.PropertyItem> item(String caseNumber, long id) {
    return registry.propertyItems(caseNumber).stream().filter(item -> item.id() == id).findFirst();
  }

  /** The keys of {@link PropertyKinds} (contract of asset-disposal's propertyKind). */
  public static Set<String> kinds() {
    return PropertyKinds.LABELS.keySet();
  }

  public static String describe(CaseRegistry.PropertyItem item) {
    return ControlPropertyOffline.describe(item);
  }
}
