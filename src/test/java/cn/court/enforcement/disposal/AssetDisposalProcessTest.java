package cn.court.enforcement.disposal;

import static cn.court.enforcement.disposal.DisposalFlow.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import cn.court.enforcement.calendar.CaseClock.PauseRecord;
import cn.court.enforcement.calendar.CaseTerm.PauseReason;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The paths of an asset through asset-disposal.bpmn (issue 13): sold at the first auction, at the
 * second, sold off, taken in lieu, released; the timers on the handler's dates, the case clock's paused
 * days, and the report the case receives.
 */
@Deployment(resources = {"processes/asset-disposal.bpmn", "processes/auction-handler.dmn", "disposal-report-probe.bpmn",
    "forms/disposal-vacate.form", "forms/disposal-reference-method.form", "forms/disposal-appraiser-selection.form",
    "forms/disposal-reference-price.form", "forms/disposal-objection.form", "forms/disposal-auction-notice.form",
    "forms/asset-disposal-result.form", "forms/disposal-in-lieu.form", "forms/disposal-sale-off-notice.form",
    "forms/disposal-sale-off-result.form", "forms/disposal-unsold.form", "forms/disposal-proceeds.form"})
class AssetDisposalProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml").build();

  static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);

  private final DisposalBeans beans = new DisposalBeans();
  private ProcessEngine engine;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    this.engine = engine;
    init(engine);
    beans.register(DisposalBeans.organisation());
    at(JUNE_1.atTime(9, 0));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    Mocks.reset();
  }

  @Test
  void anOccupiedHouseIsVacatedByTheTeamThenSoldAtTheFirstAuction() {
    DisposalFlow flow = new DisposalFlow(engine, beans).start("real-estate", false, true);

    Task vacate = flow.task("Task_VacateHouse");
    assertThat(vacate.getAssignee()).isEqualTo("zhouyuan");
    assertThat(flow.candidateGroups(vacate)).containsExactly("ordinary-team-1");
    assertThat(flow.active()).containsExactly("Task_VacateHouse");
    assertThat(flow.row()).containsEntry("STAGE", "vacating").containsEntry("HANDLER", "zhanghaitong")
        .containsEntry("HANDLER_ROLE", "auction-real-estate");
    flow.complete("Task_VacateHouse", "vacatedOn", "2026-06-01", "vacateNotes", "被执行人已搬离，钥匙已移交");

    Task choose = flow.task("Task_ChooseReferenceMethod");
    assertThat(choose.getAssignee()).isEqualTo("zhanghaitong");
    assertThat(flow.candidateGroups(choose)).containsExactly("auction");
    flow.negotiatedPrice(800000.00)
        .notice(560000.00, JUNE_1, LocalDate.of(2026, 7, 1))
        .biddingOver(LocalDate.of(2026, 7, 1))
        .complete("Task_RecordAuctionResult", "auctionResult", "sold", "buyer", "李某", "finalPrice", 612345.67);
    at(LocalDateTime.of(2026, 7, 10, 15, 0));
    flow.complete("Task_RecordProceeds", "proceedsAmount", 612345.67, "proceedsArrivedOn", "2026-07-10", "disposalPayer", "李某");

    BpmnAwareTests.assertThat(flow.instance).isEnded().hasPassedInOrder("Task_DecideAuctionHandler", "Task_RegisterDisposal",
        "Task_VacateHouse", "Task_ChooseReferenceMethod", "Task_RecordReferencePrice", "Task_PublishAuctionNotice",
        "Event_NoticePeriodEnds", "Event_BiddingEnds", "Task_RecordAuctionResult", "Task_RecordProceeds", "Task_ReportDisposal",
        "EndEvent_DisposalReported").hasNotPassed("Task_HandleObjection", "Task_DecideInLieu");
    assertThat(flow.report()).containsEntry("disposalInstanceId", flow.instanceId).containsEntry("disposalOutcome", "sold")
        .containsEntry("disposalProceeds", "612345.67").containsEntry("disposalProceedsArrivedOn", "2026-07-10")
        .containsEntry("disposalPayer", "李某").containsEntry("assetDescription", "某小区3号楼2单元501室");
    Map<String, Object> row = flow.row();
    assertThat(row).containsEntry("OUTCOME", "sold").containsEntry("STAGE", "ended").containsEntry("REFERENCE_METHOD", "negotiation");
    assertThat((BigDecimal) row.get("PROCEEDS")).isEqualByComparingTo("612345.67");
    assertThat((BigDecimal) row.get("REFERENCE_PRICE")).isEqualByComparingTo("800000.00");
    // Auction (法释〔2000〕29号 第九条): from the notice on 1 June until the result on 2 July, 31 days not counted.
    assertThat(pauses(flow)).containsExactly(new Pause(PauseReason.AUCTION, JUNE_1, LocalDate.of(2026, 7, 2)));
    assertThat(beans.caseClock.term(flow.caseNumber).pausedDays(LocalDate.of(2026, 8, 1))).isEqualTo(31);
  }

  @Test
  void aVehicleUnsoldAtTheFirstAuctionIsSoldAtTheSecond() {
    DisposalFlow flow = new DisposalFlow(engine, beans).start("vehicle", false, false);
    assertThat(flow.task("Task_ChooseReferenceMethod").getAssignee()).isEqualTo("male");
    // 网络询价 (第七条), served on 2 June: objections until the end of 7 June (第二十二条, five days).
    flow.complete("Task_ChooseReferenceMethod", "referenceMethod", "online-inquiry", "groundOnline", "directed-failed",
            "onlineInquiryPossible", true)
        .complete("Task_RecordReferencePrice", "referencePrice", 100000.00, "referenceDate", "2026-06-01",
            "reportServedOn", "2026-06-01");
    flow.task("Task_HandleObjection");
    flow.timerFiresAt(LocalDate.of(2026, 6, 6).atTime(23, 59, 59));
    LocalDate firstStarts = LocalDate.of(2026, 6, 22);
    at(LocalDateTime.of(2026, 6, 7, 9, 0));
    flow.notice(70000.00, LocalDate.of(2026, 6, 7), firstStarts).biddingOver(firstStarts).unsold();
    assertThat(flow.row()).containsEntry("STAGE", "unsold");
    flow.complete("Task_DecideInLieu", "inLieu", "decline");
    at(LocalDateTime.of(2026, 6, 24, 9, 0));
    LocalDate secondStarts = LocalDate.of(2026, 7, 1);
    flow.notice(56000.00, LocalDate.of(2026, 6, 24), secondStarts);
    assertThat(flow.row()).containsEntry("STAGE", "auction-2");
    flow.biddingOver(secondStarts)
        .complete("Task_RecordAuctionResult", "auctionResult", "sold", "buyer", "某汽车贸易有限公司", "finalPrice", 56000.01)
        .complete("Task_RecordProceeds", "proceedsAmount", 56000.01, "proceedsArrivedOn", "2026-07-02", "disposalPayer",
            "某汽车贸易有限公司");

    assertThat(flow.report()).containsEntry("disposalOutcome", "sold").containsEntry("disposalProceeds", "56000.01");
    // Two auction periods; the days between the rounds count.
    assertThat(pauses(flow)).containsExactly(
        new Pause(PauseReason.AUCTION, LocalDate.of(2026, 6, 7), LocalDate.of(2026, 6, 23)),
        new Pause(PauseReason.AUCTION, LocalDate.of(2026, 6, 24), LocalDate.of(2026, 7, 2)));
  }

  @Test
  void appraisedByADrawnInstitutionUnsoldTwiceThenSoldOff() {
    DisposalFlow flow = new DisposalFlow(engine, beans).start("real-estate", false, false);
    flow.complete("Task_ChooseReferenceMethod", "referenceMethod", "appraisal", "groundAppraisal", "online-failed")
        .complete("Task_SelectAppraisers", "appraiserSelection", "random");
    Map<String, Object> draw = DisposalBeans.JDBC.queryForMap(
        "select * from asset_disposal_appraiser_draw where process_instance_id = ?", flow.instanceId);
    List<String> candidates = Arrays.asList(((String) draw.get("CANDIDATES")).split("\n"));
    assertThat(candidates).isEqualTo(new DisposalProperties(null).appraisers());
    List<String> chosen = SelectAppraisers.draw(candidates, (Long) draw.get("SEED"));
    assertThat(((String) draw.get("CHOSEN")).split("\n")).containsExactlyElementsOf(chosen);
    assertThat(engine.getRuntimeService().getVariable(flow.instanceId, "appraiser")).isEqualTo(chosen.get(0));

    at(LocalDateTime.of(2026, 6, 21, 9, 0));
    flow.complete("Task_RecordAppraisalReport", "referencePrice", 1000000.00, "referenceDate", "2026-06-20",
        "reportServedOn", "2026-06-21");
    at(LocalDateTime.of(2026, 6, 24, 9, 0));
    flow.complete("Task_HandleObjection", "objectionBy", "被执行人张三", "objectionReceivedOn", "2026-06-24",
        "objectionDecision", "rejected", "objectionReason", "评估机构资质齐全，程序合法");

    LocalDate firstStarts = LocalDate.of(2026, 7, 25);
    flow.notice(700000.00, LocalDate.of(2026, 6, 24), firstStarts).biddingOver(firstStarts).unsold()
        .complete("Task_DecideInLieu", "inLieu", "decline");
    LocalDate secondStarts = LocalDate.of(2026, 8, 12);
    at(LocalDateTime.of(2026, 7, 27, 9, 0));
    flow.notice(560000.00, LocalDate.of(2026, 7, 27), secondStarts).biddingOver(secondStarts).unsold()
        .complete("Task_DecideInLieu", "inLieu", "decline");

    assertThatThrownBy(() -> flow.complete("Task_PublishSaleOff", "saleOffPrice", 559999.99, "saleOffStartsOn", "2026-08-20"))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("低于二拍流拍价");
    flow.complete("Task_PublishSaleOff", "saleOffPrice", 560000.00, "saleOffStartsOn", "2026-08-20");
    assertThat(flow.row()).containsEntry("STAGE", "sale-off");
    at(LocalDateTime.of(2026, 9, 1, 9, 0));
    flow.complete("Task_RecordSaleOff", "buyer", "王某", "finalPrice", 560000.00)
        .complete("Task_RecordProceeds", "proceedsAmount", 560000.00, "proceedsArrivedOn", "2026-09-01", "disposalPayer", "王某");

    assertThat(flow.report()).containsEntry("disposalOutcome", "sold-off").containsEntry("disposalProceeds", "560000.00")
        .containsEntry("disposalPayer", "王某");
    assertThat(pauses(flow)).containsExactly(
        new Pause(PauseReason.VALUATION, JUNE_1, LocalDate.of(2026, 6, 21)),
        new Pause(PauseReason.AUCTION, LocalDate.of(2026, 6, 24), LocalDate.of(2026, 7, 26)),
        new Pause(PauseReason.AUCTION, LocalDate.of(2026, 7, 27), LocalDate.of(2026, 8, 13)),
        new Pause(PauseReason.AUCTION, LocalDate.of(2026, 8, 13), LocalDate.of(2026, 9, 1)));
  }

  @Test
  void unsoldAtTheFirstAuctionAndTakenInLieuAtItsStartPrice() {
    DisposalFlow flow = new DisposalFlow(engine, beans).start("vehicle", false, false);
    LocalDate starts = LocalDate.of(2026, 6, 16);
    flow.negotiatedPrice(50000.00).notice(35000.00, JUNE_1, starts).biddingOver(starts).unsold();
    assertThatThrownBy(() -> flow.complete("Task_DecideInLieu", "inLieu", "accept"))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("请填写接受抵债的申请执行人或其他执行债权人");
    flow.complete("Task_DecideInLieu", "inLieu", "accept", "inLieuTaker", "申请执行人某农村商业银行");
    assertThatThrownBy(() -> flow.complete("Task_RecordProceeds", "proceedsAmount", 35000.01, "disposalPayer", "申请执行人某农村商业银行"))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("补交的差价不能超过抵债价 35000.00 元");
    flow.complete("Task_RecordProceeds", "proceedsAmount", 0, "disposalPayer", "申请执行人某农村商业银行");

    BpmnAwareTests.assertThat(flow.instance).isEnded().hasPassed("Task_DecideInLieu", "Task_RecordProceeds")
        .hasNotPassed("Task_PublishSaleOff");
    assertThat(flow.report()).containsEntry("disposalOutcome", "in-lieu").containsEntry("disposalProceeds", "0.00")
        .containsEntry("disposalProceedsArrivedOn", null).containsEntry("disposalPayer", "申请执行人某农村商业银行");
    assertThat((BigDecimal) flow.row().get("FINAL_PRICE")).isEqualByComparingTo("35000.00");
  }

  @Test
  void unsoldEverywhereTheSeizureIsReleased() {
    DisposalFlow flow = new DisposalFlow(engine, beans).start("vehicle", false, false);
    LocalDate firstStarts = LocalDate.of(2026, 6, 16);
    flow.negotiatedPrice(50000.00).notice(35000.00, JUNE_1, firstStarts).biddingOver(firstStarts).unsold()
        .complete("Task_DecideInLieu", "inLieu", "decline");
    LocalDate secondStarts = LocalDate.of(2026, 6, 25);
    flow.notice(28000.00, LocalDate.of(2026, 6, 18), secondStarts).biddingOver(secondStarts).unsold()
        .complete("Task_DecideInLieu", "inLieu", "decline")
        .complete("Task_PublishSaleOff", "saleOffPrice", 28000.00, "saleOffStartsOn", "2026-06-28");
    // 60 days (time-limit row disposal-sale-off) from 28 June: the period ends with 27 August.
    flow.timerFiresAt(LocalDate.of(2026, 8, 27).atTime(23, 59, 59));

    assertThatThrownBy(() -> flow.complete("Task_DecideUnsoldAsset", "unsoldDecision", "kept"))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("请填写继续查封的理由");
    flow.complete("Task_DecideUnsoldAsset", "unsoldDecision", "released", "outcomeReason", "无人购买，申请执行人不接受抵债");

    BpmnAwareTests.assertThat(flow.instance).isEnded().hasPassed("BoundaryEvent_SaleOffPeriodEnds", "EndEvent_SaleOffUnsold")
        .hasNotPassed("Task_RecordProceeds");
    assertThat(flow.report()).containsEntry("disposalOutcome", "released").containsEntry("disposalProceeds", "0.00")
        .containsEntry("disposalPayer", null).containsEntry("disposalProceedsArrivedOn", null);
    assertThat(flow.row()).containsEntry("OUTCOME", "released").containsEntry("OUTCOME_REASON", "无人购买，申请执行人不接受抵债");
    assertThat(pauses(flow)).last().isEqualTo(new Pause(PauseReason.AUCTION, LocalDate.of(2026, 6, 26), LocalDate.of(2026, 8, 27)));
  }

  @Test
  void anUpheldObjectionDeterminesThePriceAgain() {
    DisposalFlow flow = new DisposalFlow(engine, beans).start("vehicle", false, false);
    flow.complete("Task_ChooseReferenceMethod", "referenceMethod", "online-inquiry", "groundOnline", "parties-request",
            "onlineInquiryPossible", true)
        .complete("Task_RecordReferencePrice", "referencePrice", 100000.00, "referenceDate", "2026-06-01",
            "reportServedOn", "2026-06-01")
        .complete("Task_HandleObjection", "objectionBy", "申请执行人", "objectionReceivedOn", "2026-06-01",
            "objectionDecision", "upheld", "objectionReason", "询价报告遗漏车辆加装设备");
    assertThat(flow.active()).containsExactly("Task_ChooseReferenceMethod");
  }

  @Test
  void twoAssetsOfOneCaseShareOneAuctionPeriodOfTheCaseClock() {
    DisposalFlow house = new DisposalFlow(engine, beans).start("real-estate", false, false);
    DisposalFlow car = new DisposalFlow(engine, beans, house.caseNumber).start("vehicle", false, false);
    house.negotiatedPrice(800000.00).notice(560000.00, JUNE_1, LocalDate.of(2026, 7, 1));
    at(LocalDateTime.of(2026, 6, 3, 9, 0));
    car.negotiatedPrice(50000.00).notice(35000.00, LocalDate.of(2026, 6, 3), LocalDate.of(2026, 6, 18));
    car.biddingOver(LocalDate.of(2026, 6, 18)).complete("Task_RecordAuctionResult", "auctionResult", "sold", "buyer", "赵某",
        "finalPrice", 35000.00);
    assertThat(new OpenDisposals(beans.registry).refusal(house.caseNumber, "fully-performed")).hasValueSatisfying(
        message -> assertThat(message).startsWith("财产处置尚未完成").contains("某小区3号楼2单元501室", "豫A12345 小型轿车"));
    assertThat(pauses(house)).containsExactly(new Pause(PauseReason.AUCTION, JUNE_1, null));

    house.biddingOver(LocalDate.of(2026, 7, 1)).unsold().complete("Task_DecideInLieu", "inLieu", "accept", "inLieuTaker", "申请执行人");
    assertThat(pauses(house)).containsExactly(new Pause(PauseReason.AUCTION, JUNE_1, LocalDate.of(2026, 7, 2)));
    car.complete("Task_RecordProceeds", "proceedsAmount", 35000.00, "proceedsArrivedOn", "2026-07-02", "disposalPayer", "赵某");
    house.complete("Task_RecordProceeds", "proceedsAmount", 0, "disposalPayer", "申请执行人");
    assertThat(new OpenDisposals(beans.registry).refusal(house.caseNumber, "fully-performed")).isEmpty();
  }

  @Test
  void aCaseInstanceNoLongerRunningLeavesTheOutcomeInTheTable() {
    DisposalFlow flow = new DisposalFlow(engine, beans).start("vehicle", false, false);
    LocalDate starts = LocalDate.of(2026, 6, 16);
    flow.negotiatedPrice(50000.00).notice(35000.00, JUNE_1, starts).biddingOver(starts).unsold()
        .complete("Task_DecideInLieu", "inLieu", "accept", "inLieuTaker", "申请执行人");
    engine.getRuntimeService().deleteProcessInstance(flow.caseInstanceId, "deleted by an administrator");
    flow.complete("Task_RecordProceeds", "proceedsAmount", 0, "disposalPayer", "申请执行人");
    assertThat(flow.active()).isEmpty();
    assertThat(flow.row()).containsEntry("OUTCOME", "in-lieu").containsEntry("PAYER", "申请执行人");
  }

  record Pause(PauseReason reason, LocalDate start, LocalDate end) {}

  private List<Pause> pauses(DisposalFlow flow) {
    return beans.caseClock.state(flow.caseNumber).pauses().stream()
        .map((PauseRecord p) -> new Pause(p.reason(), p.start(), p.end())).toList();
  }
}
