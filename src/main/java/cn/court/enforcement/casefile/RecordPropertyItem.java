package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseVariables.MORE_ITEMS;
import static cn.court.enforcement.casefile.CaseVariables.OFFLINE_ACTION_NEEDED;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * One property item of the network inquiry's feedback per task completion: checked, written to
 * the case registry, and removed from the process so the next item starts with an empty form.
 */
@Component("recordPropertyItem")
public class RecordPropertyItem extends TaskCompletionListener {

  static final List<String> FIELDS = List.of(RespondentChoice.KEY, "propertyKind", "holderInstitution", "propertyValue",
      "propertyControlled", "needsOfflineAction", "propertyRemarks");

  /** The form's maxLength and the column's size. */
  static final int MAX_REMARKS = 1000;

  private final CaseRegistry registry;

  public RecordPropertyItem(CaseRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    String caseNumber = execution.getProcessBusinessKey();
    Long respondent = RespondentChoice.of(check, registry, caseNumber, "财产所属被执行人");
    String kind = check.oneOf("propertyKind", "财产种类", PropertyKinds.LABELS.keySet());
    String holder = check.text("holderInstitution", "财产所在机构", FilingValidator.MAX_NAME);
    BigDecimal value = check.amount("propertyValue", "金额或价值（元）");
    String remarks = check.optionalText("propertyRemarks", "备注", MAX_REMARKS);
    check.throwIfInvalid("无法登记财产项目");

    registry.addPropertyItem(caseNumber, new CaseRegistry.PropertyItem(null, respondent, kind, holder, value,
        check.flag("propertyControlled"), check.flag("needsOfflineAction"),
        remarks, null));
    execution.removeVariables(FIELDS);
    execution.setVariable(MORE_ITEMS, check.flag(MORE_ITEMS));
    execution.setVariable(OFFLINE_ACTION_NEEDED, !registry.offlineItemIds(caseNumber).isEmpty());
  }
}
