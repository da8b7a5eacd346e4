package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseVariables.CASE_DISPOSALS;
import static cn.court.enforcement.casefile.CaseVariables.CASE_DISPOSALS_TEXT;

import cn.court.enforcement.calendar.Deadlines;
import cn.court.enforcement.disposal.DisposalVariables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The case's record of its asset disposals, which run beside it (asset-disposal, one instance
 * per asset): each start and each report (message AssetDisposalReported, caught by the case's
 * event sub-process in every stage) is a case_measure row and an entry of the case variable
 * {@code caseDisposals}, shown to the team as {@code caseDisposalsText}.
 */
@Component("recordDisposalReport")
public class DisposalReports implements JavaDelegate {

  public static final String STARTED_MEASURE = "asset-disposal-started";
  public static final String REPORTED_PREFIX = "asset-disposal-";
  private static final String ID = "disposalInstanceId";
  private static final String ASSET = "assetDescription";
  private static final String STARTED_ON = "startedOn";
  private static final String OUTCOME = "disposalOutcome";
  private static final String PROCEEDS = "disposalProceeds";

  /** Variables of the message (issue 13 contract §2). */
  static final List<String> REPORT = List.of(ID, OUTCOME, PROCEEDS, "disposalProceedsArrivedOn", "disposalPayer", ASSET);

  private final CaseRegistry registry;
  private final Deadlines deadlines;

  public DisposalReports(CaseRegistry registry, Deadlines deadlines) {
    this.registry = registry;
    this.deadlines = deadlines;
  }

  /** A disposal was started for the case (disposal/StartAssetDisposal). */
  public void started(DelegateExecution execution, String disposalInstanceId, String asset) {
    LocalDate today = deadlines.today();
    registry.recordMeasure(execution.getProcessBusinessKey(), STARTED_MEASURE, today, "启动财产处置：" + asset);
    List<Map<String, Object>> disposals = disposals(execution);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put(ID, disposalInstanceId);
    entry.put(ASSET, asset);
    entry.put(STARTED_ON, today.toString());
    disposals.add(entry);
    save(execution, disposals);
  }

  /**
   * The event sub-process's first task. The message's variables arrive on the case's instance
   * (the receiving scope of an event sub-process's start event): they move into this report's
   * sub-process, so reports never share them and the case keeps only its record.
   */
  @Override
  public void execute(DelegateExecution execution) {
    DelegateExecution root = execution.getProcessInstance();
    Map<String, Object> report = new LinkedHashMap<>();
    REPORT.forEach(name -> report.put(name, root.getVariableLocal(name)));
    root.removeVariablesLocal(REPORT);
    execution.setVariablesLocal(report);
    String id = (String) execution.getVariable(ID);
    String outcome = (String) execution.getVariable(OUTCOME);
    BigDecimal proceeds = FormCheck.money(execution.getVariable(PROCEEDS));
    String asset = (String) execution.getVariable(ASSET);
    String result = DisposalVariables.OUTCOME_LABELS.getOrDefault(outcome, outcome)
        + (proceeds.signum() > 0 ? "，价款 " + proceeds.toPlainString() + " 元" : "");
    registry.recordMeasure(execution.getProcessBusinessKey(), REPORTED_PREFIX + outcome, deadlines.today(),
        asset + "：" + result);
    List<Map<String, Object>> disposals = disposals(execution);
    Map<String, Object> entry = disposals.stream().filter(d -> id.equals(d.get(ID))).findFirst().orElseGet(() -> {
      Map<String, Object> unknown = new LinkedHashMap<>(); // started before this record existed
      unknown.put(ID, id);
      unknown.put(ASSET, asset);
      disposals.add(unknown);
      return unknown;
    });
    entry.put(OUTCOME, outcome);
    entry.put(PROCEEDS, proceeds.toPlainString());
    entry.put("result", result);
    save(execution, disposals);
  }

  /** Disposals started and not yet reported. */
  public static long open(List<Map<String, Object>> disposals) {
    return disposals.stream().filter(d -> !d.containsKey(OUTCOME)).count();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> disposals(DelegateExecution execution) {
    Object value = execution.getVariable(CASE_DISPOSALS);
    List<Map<String, Object>> list = new ArrayList<>();
    if (value instanceof SpinJsonNode json) {
      json.elements().forEach(node -> list.add(new LinkedHashMap<>(node.mapTo(Map.class))));
    }
    return list;
  }

  private static void save(DelegateExecution execution, List<Map<String, Object>> disposals) {
    DelegateExecution root = execution.getProcessInstance();
    root.setVariable(CASE_DISPOSALS, PartyVariables.json(disposals));
    root.setVariable(CASE_DISPOSALS_TEXT, text(disposals));
  }

  static String text(List<Map<String, Object>> disposals) {
    String lines = disposals.stream().map(d -> "· %s：%s".formatted(d.get(ASSET),
            d.containsKey(OUTCOME) ? d.get("result") : "处置中（" + d.get(STARTED_ON) + " 启动）"))
        .collect(Collectors.joining("\n"));
    return "处置中 %d 项，已报告结果 %d 项\n%s".formatted(open(disposals), disposals.size() - open(disposals), lines);
  }
}
