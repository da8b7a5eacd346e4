package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseFlow.today;
import static cn.court.enforcement.casefile.CaseFlow.vars;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import cn.court.enforcement.support.EngineClock;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 from the case's side: disposals start beside the case (one asset-disposal instance
 * per asset) and report back by message in every stage; money arriving (proceeds, deductions)
 * starts case-funds by message; closure waits for both. The disposal's own start (handler by
 * asset kind, its register) and its report (disposal/ReportDisposal) run with their real beans;
 * a disposal is brought to its report by process-instance modification (its auction paths are
 * asset-disposal's own tests).
 */
@Deployment(resources = {
    "processes/enforcement-case.bpmn", "processes/triage.dmn", "processes/asset-disposal.bpmn",
    "processes/auction-handler.dmn", "processes/case-funds.bpmn", "processes/termination-review.bpmn",
    "processes/dossier.bpmn"})
class CaseDisposalProcessTest extends PlainEngineCaseTest {

  @Test
  void twoAssetsAreDisposedOfInParallelWhileTheTeamWorks() {
    CaseFlow flow = CaseFlow.start().toTeamHub()
        .disposeAsset("real-estate", "被执行人名下郑州市金水区住宅一套")
        .disposeAsset("vehicle", "小型轿车一辆（豫A·8K2M6）");
    List<ProcessInstance> disposals = disposals(flow);
    Assertions.assertThat(disposals).hasSize(2);
    for (ProcessInstance disposal : disposals) {
      assertThat(disposal).isActive().variables()
          .containsEntry("caseNumber", flow.caseNumber).containsEntry("caseInstanceId", flow.instance.getId())
          .containsEntry("handlingTeam", "ordinary-team-3").containsEntry("caseHandler", CaseFlow.handlerOf("ordinary-team-3"))
          .containsEntry("assetComplex", false).containsEntry("assetOccupied", false).containsKey("propertyKind");
    }
    Assertions.assertThat(disposals).extracting(d -> runtimeService().getVariable(d.getId(), "propertyKind"))
        .containsExactlyInAnyOrder("real-estate", "vehicle");
    assertThat(flow.instance).isWaitingAt("Task_ChooseNextMeasure").variables()
        .containsEntry("caseDisposalsText", """
            处置中 2 项，已报告结果 0 项
            · 被执行人名下郑州市金水区住宅一套：处置中（%s 启动）
            · 小型轿车一辆（豫A·8K2M6）：处置中（%s 启动）""".formatted(today(), today()));

    // The team goes on: an interview and a punishment while both assets are being sold.
    flow.interviewBothParties().measure("punishment", vars())
        .complete("Task_ProposePunishment", "ordinary-team-3", vars("respondentPartyId", flow.respondent(1),
            "punishmentKind", "consumption-restriction", "punishmentGrounds", "拒不申报财产"))
        .complete("Task_SignConsumptionRestriction", "court-presidents", vars("punishmentDecision", "signed",
            "rulingNumber", "限高-1", "measureDate", today(), "measureSummary", "限制高消费"));
    Assertions.assertThat(disposals(flow)).hasSize(2);

    ProcessInstance house = byKind(disposals, "real-estate");
    ProcessInstance car = byKind(disposals, "vehicle");
    reportEnd(house, "sold", "523000.00", "某某置业有限公司");
    assertThat(house).isEnded();
    assertThat(flow.instance).isWaitingAt("Task_ChooseNextMeasure");
    ProcessInstance arrival = moneyArrivals(flow).get(0);
    assertThat(arrival).variables().containsEntry("moneySource", "disposal").containsEntry("moneyAmount", "523000.00")
        .containsEntry("moneyArrivedOn", today()).containsEntry("moneyPayer", "某某置业有限公司")
        .containsEntry("handlingTeam", "ordinary-team-3").containsEntry("caseInstanceId", flow.instance.getId());
    Assertions.assertThat(beans.ledger.balance(flow.caseNumber).outstanding()).isEqualByComparingTo("523000.00");

    reportEnd(car, "released", null, null);
    Assertions.assertThat(moneyArrivals(flow)).as("nothing realised, no arrival").hasSize(1);
    Assertions.assertThat(measures(flow, "asset-disposal-sold")).isEqualTo(1);
    Assertions.assertThat(measures(flow, "asset-disposal-released")).isEqualTo(1);
    Assertions.assertThat(measures(flow, DisposalReports.STARTED_MEASURE)).isEqualTo(2);
    assertThat(flow.instance).variables().containsEntry("caseDisposalsText", """
        处置中 0 项，已报告结果 2 项
        · 被执行人名下郑州市金水区住宅一套：拍卖成交，价款 523000.00 元
        · 小型轿车一辆（豫A·8K2M6）：解除查封""");
  }

  /** The case's record of a disposal is dated by the engine clock (calendar/Deadlines), not the server's day. */
  @Test
  void aDisposalsStartAndReportAreDatedByTheEngineClock() {
    CaseFlow flow = CaseFlow.start().toTeamHub();
    EngineClock.at(LocalDateTime.parse("2026-03-02T10:00"));
    try {
      flow.disposeAsset("vehicle", "小型轿车一辆（豫A·8K2M6）");
      assertThat(flow.instance).variables().containsEntry("caseDisposalsText", """
          处置中 1 项，已报告结果 0 项
          · 小型轿车一辆（豫A·8K2M6）：处置中（2026-03-02 启动）""");
      reportEnd(disposals(flow).get(0), "released", null, null);
    } finally {
      ClockUtil.reset();
    }
    Assertions.assertThat(CaseTestBeans.JDBC.queryForList(
            "SELECT performed_on FROM case_measure WHERE case_number = ? AND measure LIKE 'asset-disposal-%'",
            Date.class, flow.caseNumber))
        .extracting(Date::toLocalDate).containsExactly(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-02"));
  }

  /** DISPOSAL may report in any stage of the case: the event sub-process is at the process level. */
  @ParameterizedTest
  @ValueSource(strings = {"Task_VerifyFilingData", "Task_RecordTriageFacts", "Task_HandleQuickCase",
      "Task_ChooseNextMeasure", "Task_RegisterClosure"})
  void aReportIsReceivedInEveryStage(String stage) {
    CaseFlow flow = CaseFlow.start();
    switch (stage) {
      case "Task_RecordTriageFacts" -> flow.passIntake().serveDocuments().inquiry(false);
      case "Task_HandleQuickCase" -> flow.toQuickTeam();
      case "Task_ChooseNextMeasure" -> flow.toTeamHub();
      case "Task_RegisterClosure" -> flow.toQuickTeam()
          .complete("Task_HandleQuickCase", "quick-team", vars("quickOutcome", "close", "closureKind", "fully-performed"));
      default -> { }
    }
    assertThat(flow.instance).isWaitingAt(stage);
    runtimeService().createMessageCorrelation("AssetDisposalReported").processInstanceId(flow.instance.getId())
        .setVariablesLocal(vars("disposalInstanceId", "disposal-1", "disposalOutcome", "kept", "disposalProceeds", "0.00",
            "disposalProceedsArrivedOn", null, "disposalPayer", null, "assetDescription", "被执行人名下车位一个"))
        .correlate();
    assertThat(flow.instance).isWaitingAt(stage).hasPassed("Task_RecordDisposalReport", "EndEvent_DisposalReportRecorded")
        .hasNotPassed("Task_ReportDisposalProceeds")
        .variables().containsEntry("caseDisposalsText", "处置中 0 项，已报告结果 1 项\n· 被执行人名下车位一个：继续查封");
    Assertions.assertThat(measures(flow, "asset-disposal-kept")).isEqualTo(1);
    Assertions.assertThat(runtimeService().getVariable(flow.instance.getId(), "disposalOutcome"))
        .as("the report's variables stay in its sub-process").isNull();
  }

  @Test
  void aDeductionRecordedByNetworkControlIsAMoneyArrival() {
    CaseFlow flow = CaseFlow.start().passIntake().serveDocuments().inquiry(true);
    assertThatThrownBy(() -> flow.complete("Task_RecordPropertyItem", "network-control", deposit(flow, "0")))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("扣划金额必须大于 0");
    flow.complete("Task_RecordPropertyItem", "network-control", deposit(flow, "30000.5"));
    ProcessInstance arrival = moneyArrivals(flow).get(0);
    assertThat(arrival).variables().containsEntry("moneySource", "deduction").containsEntry("moneyAmount", "30000.50")
        .containsEntry("moneyArrivedOn", today()).containsEntry("moneyPayer", "某某建材有限公司")
        .containsEntry("handlingTeam", "network-control");
    Assertions.assertThat(beans.ledger.balance(flow.caseNumber).outstanding()).isEqualByComparingTo("30000.50");
    assertThat(flow.instance).isWaitingAt("Task_RecordTriageFacts").variables()
        .doesNotContainKeys("deductedAmount", "deductedOn", "propertyDeducted");
  }

  @Test
  void offlineControlDeductsOneItemAndSendsTheSeizedOneToDisposal() {
    CaseFlow flow = CaseFlow.start().passIntake().serveDocuments().inquiry(true)
        .propertyItem("deposit", true, true).propertyItem("real-estate", true, false);
    List<CaseRegistry.PropertyItem> items = beans.registry.propertyItems(flow.caseNumber);
    var tasks = BpmnAwareTests.taskQuery().processInstanceBusinessKey(flow.caseNumber)
        .taskDefinitionKey("Task_ControlPropertyOffline").list();
    Assertions.assertThat(tasks).hasSize(2);
    for (var task : tasks) {
      long item = ((Number) BpmnAwareTests.runtimeService().getVariable(task.getExecutionId(), "propertyItemId")).longValue();
      boolean deposit = item == items.get(0).id();
      BpmnAwareTests.complete(task, deposit
          ? vars("offlineMeasure", "deduct", "measureDate", today(), "measureSummary", "已扣划",
              "deductedAmount", 5000, "deductedOn", today())
          : vars("offlineMeasure", "seize", "measureDate", today(), "measureSummary", "已查封",
              "startDisposal", true, "assetOccupied", true));
    }
    assertThat(moneyArrivals(flow).get(0)).variables().containsEntry("moneySource", "deduction")
        .containsEntry("moneyAmount", "5000.00").containsEntry("handlingTeam", "intensive-affairs");
    ProcessInstance house = disposals(flow).get(0);
    assertThat(house).variables().containsEntry("propertyItemId", items.get(1).id()).containsEntry("propertyKind", "real-estate")
        .containsEntry("assetOccupied", true).containsEntry("handlingTeam", "intensive-affairs");
    Assertions.assertThat(ControlPropertyOffline.describe(beans.registry.propertyItem(items.get(1).id())))
        .as("seized offline, not controlled online").endsWith("｜已线下查封");
    assertThat(flow.instance).isWaitingAt("Task_RecordTriageFacts");
  }

  @Test
  void theQuickTeamStartsADisposalOfAPropertyItemAndDecidesAgain() {
    CaseFlow flow = CaseFlow.start().passIntake().serveDocuments().inquiry(true).propertyItem("vehicle", false, false)
        .triage(vars("depositsCoverDebt", true)).confirmTrack(vars("caseTrack", "quick")).nameHandler("Task_NameQuickHandler");
    CaseRegistry.PropertyItem car = beans.registry.propertyItems(flow.caseNumber).get(0);
    assertThat(flow.at("Task_HandleQuickCase")).hasCandidateGroupAssociated("quick-team");
    Assertions.assertThat(BpmnAwareTests.taskService().getVariable(flow.at("Task_HandleQuickCase").getId(),
        "propertyItemOptions").toString()).contains("车辆｜某县农商银行｜5000.00 元", String.valueOf(car.id()));
    assertThatThrownBy(() -> flow.complete("Task_HandleQuickCase", "quick-team",
        vars("quickOutcome", "asset-disposal", "disposalItemId", "999999")))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("所选财产不是本案的财产项目");
    flow.complete("Task_HandleQuickCase", "quick-team", vars("quickOutcome", "asset-disposal",
        "disposalItemId", String.valueOf(car.id()), "assetDescription", "停放于被执行人厂区"));
    assertThat(flow.instance).isWaitingAt("Task_HandleQuickCase");
    assertThat(disposals(flow).get(0)).variables().containsEntry("handlingTeam", "quick-team")
        .containsEntry("propertyItemId", car.id()).containsEntry("propertyKind", "vehicle")
        .containsEntry("assetDescription", "车辆｜某县农商银行｜5000.00 元｜网上已控制｜停放于被执行人厂区");
  }

  @Test
  void closureIsRefusedWhileADisposalIsOpenOrMoneyUnpaid() {
    CaseFlow flow = CaseFlow.start().toTeamHub().interviewBothParties();
    assertThatThrownBy(() -> flow.disposeAsset(null, ""))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("无法启动财产处置")
        .hasMessageContaining("请填写待处置财产");
    flow.disposeAsset("equity", "被执行人持有的某某公司30%股权");
    assertThatThrownBy(() -> flow.proposeClosure("fully-performed"))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("财产处置尚未完成，不能结案：被执行人持有的某某公司30%股权（共 1 项）");
    reportEnd(disposals(flow).get(0), "in-lieu", "0.00", "张三");
    flow.disposeAsset("other", "被执行人名下机器设备一批");
    reportEnd(disposals(flow).get(0), "sold-off", "86500.00", "某某机械厂");
    assertThatThrownBy(() -> flow.proposeClosure("fully-performed"))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("尚有案款 86500.00 元未发放")
        .hasMessageNotContaining("财产处置尚未完成");
    assertThat(flow.instance).isWaitingAt("Task_ChooseNextMeasure");
  }

  @Test
  void theRulingIsPublishedAfterClosure() {
    CaseFlow flow = CaseFlow.start().toQuickTeam()
        .complete("Task_HandleQuickCase", "quick-team", vars("quickOutcome", "close", "closureKind", "fully-performed"))
        .registerClosure();
    assertThat(flow.at("Task_PublishRuling")).hasCandidateGroup("funds");
    assertThatThrownBy(() -> flow.complete("Task_PublishRuling", "funds", vars("rulingPublication", "withheld",
        "withheldGround", "mediation")))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("请填写不公布的理由");
    flow.complete("Task_PublishRuling", "funds", vars("rulingPublication", "withheld", "withheldGround", "mediation",
        "withheldReason", "双方在执行中达成和解，以调解方式结案"));
    assertThat(flow.instance).isWaitingAt("Gateway_JoinDossier");
  }

  private static Map<String, Object> deposit(CaseFlow flow, String deducted) {
    return vars("respondentPartyId", flow.respondent(1), "propertyKind", "deposit", "holderInstitution", "某县农商银行",
        "propertyValue", 30000.5, "propertyControlled", true, "needsOfflineAction", false, "moreItems", false,
        "propertyDeducted", true, "deductedAmount", deducted, "deductedOn", today());
  }

  /** The disposal reaches its report as asset-disposal's end would (its real ReportDisposal runs). */
  private static void reportEnd(ProcessInstance disposal, String outcome, String proceeds, String payer) {
    var modification = runtimeService().createProcessInstanceModification(disposal.getId())
        .startBeforeActivity("Task_ReportDisposal")
        .setVariable("disposalOutcome", outcome).setVariable("proceedsAmount", proceeds)
        .setVariable("proceedsArrivedOn", proceeds == null ? null : today()).setVariable("disposalPayer", payer)
        .setVariable("finalPrice", proceeds == null ? null : proceeds).setVariable("outcomeReason", "处置完毕");
    for (String active : runtimeService().getActiveActivityIds(disposal.getId())) {
      modification.cancelAllForActivity(active);
    }
    modification.execute(true, false);
    // asset-disposal reports in its own transaction (asynchronous continuation before its report)
    BpmnAwareTests.managementService().createJobQuery().processInstanceId(disposal.getId()).list()
        .forEach(job -> BpmnAwareTests.managementService().executeJob(job.getId()));
  }

  private static List<ProcessInstance> disposals(CaseFlow flow) {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey("asset-disposal")
        .processInstanceBusinessKey(flow.caseNumber).orderByProcessInstanceId().asc().list();
  }

  private static ProcessInstance byKind(List<ProcessInstance> disposals, String kind) {
    return disposals.stream().filter(d -> kind.equals(runtimeService().getVariable(d.getId(), "propertyKind")))
        .findFirst().orElseThrow();
  }

  private static List<ProcessInstance> moneyArrivals(CaseFlow flow) {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey("case-funds")
        .processInstanceBusinessKey(flow.caseNumber).list();
  }

  private int measures(CaseFlow flow, String measure) {
    return beans.registry.countMeasures(flow.caseNumber, measure);
  }
}
