package cn.court.enforcement.disposal;

import static cn.court.enforcement.casefile.CaseVariables.HANDLING_TEAM;
import static cn.court.enforcement.casefile.CaseVariables.PROPERTY_ITEM_ID;

import cn.court.enforcement.casefile.CaseAssets;
import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.CaseTeam;
import cn.court.enforcement.casefile.DisposalReports;
import cn.court.enforcement.casefile.FormCheck;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Starts one asset-disposal instance for one asset of the case (issue 13 contract §1), which
 * runs beside the case and reports back by message: the team's measure 财产处置 and the quick
 * team's (service task; the asset picked on the form is a property item of the case or one
 * described by hand), and intensive-affairs right after a seizure (end listener of its task,
 * {@link #notify}).
 */
@Component("startAssetDisposal")
public class StartAssetDisposal implements JavaDelegate, ExecutionListener {

  public static final String PROCESS_KEY = "asset-disposal";
  /** Form fields of the asset picker (team-next-step, quick-case, offline-control). */
  static final String ITEM = "disposalItemId";
  static final String KIND = "disposalPropertyKind";
  static final String DESCRIPTION = "assetDescription";
  static final String COMPLEX = "assetComplex";
  static final String OCCUPIED = "assetOccupied";
  /** offline-control: 立即启动财产处置. */
  static final String AFTER_SEIZURE = "startDisposal";
  private static final List<String> FIELDS = List.of(ITEM, KIND, DESCRIPTION, COMPLEX, OCCUPIED, AFTER_SEIZURE);
  /** Before triage the case has no team: the unit that seized the asset (SPEC §1) acts for it. */
  static final String SEIZING_UNIT = "intensive-affairs";

  private final CaseAssets assets;
  private final DisposalReports reports;

  public StartAssetDisposal(CaseAssets assets, DisposalReports reports) {
    this.assets = assets;
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    String caseNumber = execution.getProcessBusinessKey();
    Object picked = check.raw(ITEM);
    Optional<CaseRegistry.PropertyItem> item = Optional.empty();
    if (picked != null && !picked.toString().isBlank()) {
      item = parse(picked).flatMap(id -> assets.item(caseNumber, id));
      check.require(item.isPresent(), "所选财产不是本案的财产项目");
    }
    String kind;
    String asset;
    if (item.isPresent()) {
      kind = item.get().kind();
      String note = check.optionalText(DESCRIPTION, "待处置财产说明", FormCheck.MAX_TEXT);
      asset = CaseAssets.describe(item.get()) + (note == null ? "" : "｜" + note);
    } else {
      kind = check.oneOf(KIND, "财产种类", CaseAssets.kinds());
      asset = check.text(DESCRIPTION, "待处置财产说明");
    }
    check.throwIfInvalid("无法启动财产处置");
    start(execution, item.map(CaseRegistry.PropertyItem::id).orElse(null), kind, asset, check);
  }

  /**
   * End listener of 线下查控财产: when the officer asks for it (after a seizure, detention or
   * freeze), the item just controlled goes to disposal at once.
   */
  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    FormCheck check = new FormCheck(execution::getVariable);
    if (check.flag(AFTER_SEIZURE)) {
      check.require(!"none".equals(check.raw("offlineMeasure")), "未能控制的财产不能启动处置");
      check.throwIfInvalid("无法启动财产处置");
      long id = ((Number) execution.getVariable(PROPERTY_ITEM_ID)).longValue();
      CaseRegistry.PropertyItem item = assets.item(execution.getProcessBusinessKey(), id).orElseThrow();
      start(execution, id, item.kind(), CaseAssets.describe(item), check);
    }
    execution.removeVariables(FIELDS);
  }

  private void start(DelegateExecution execution, Long itemId, String kind, String asset, FormCheck check) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseNumber", execution.getProcessBusinessKey());
    variables.put("caseInstanceId", execution.getProcessInstanceId());
    CaseTeam team = CaseTeam.of(execution::getVariable);
    variables.put(HANDLING_TEAM, team.team() == null ? SEIZING_UNIT : team.team());
    variables.put("caseHandler", team.handler());
    variables.put(PROPERTY_ITEM_ID, itemId);
    variables.put("propertyKind", kind);
    variables.put(DESCRIPTION, asset);
    variables.put(COMPLEX, check.flag(COMPLEX));
    variables.put(OCCUPIED, check.flag(OCCUPIED));
    ProcessInstance disposal = execution.getProcessEngineServices().getRuntimeService()
        .createProcessInstanceByKey(PROCESS_KEY).businessKey(execution.getProcessBusinessKey())
        .setVariables(variables).execute();
    reports.started(execution, disposal.getId(), asset);
    execution.removeVariables(FIELDS);
  }

  private static Optional<Long> parse(Object value) {
    try {
      return Optional.of(Long.valueOf(value.toString().trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
