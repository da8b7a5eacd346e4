package cn.court.enforcement.disposal;

import static cn.court.enforcement.disposal.DisposalFlow.at;
import static cn.court.enforcement.disposal.DisposalFlow.notice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.casefile.InvalidCaseDataException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each rule of 《最高人民法院关于人民法院网络司法拍卖若干问题的规定》 and of the reference price broken once, on
 * the server: the task is refused with the article named and stays open; kept, it goes on.
 */
@Deployment(resources = {"processes/asset-disposal.bpmn", "processes/auction-handler.dmn", "disposal-report-probe.bpmn",
    "forms/disposal-reference-method.form", "forms/disposal-reference-price.form", "forms/disposal-auction-notice.form",
    "forms/asset-disposal-result.form", "forms/disposal-in-lieu.form"})
class AuctionRulesProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml").build();

  private static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);
  private static final String PLATFORM = "人民法院诉讼资产网";

  private final DisposalBeans beans = new DisposalBeans();
  private ProcessEngine engine;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    this.engine = engine;
    beans.register(DisposalBeans.organisation());
    at(JUNE_1.atTime(9, 0));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    Mocks.reset();
  }

  private DisposalFlow atFirstNotice(String kind) {
    return new DisposalFlow(engine, beans).start(kind, false, false).negotiatedPrice(800000.00);
  }

  private void refused(DisposalFlow flow, String task, String message, Object... values) {
    assertThatThrownBy(() -> flow.complete(task, values)).isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining(message);
    assertThat(flow.active()).containsExactly(task);
  }

  @Test
  void startPriceBelowSeventyPercentOfTheReferencePriceIsRefused() {
    DisposalFlow flow = atFirstNotice("real-estate");
    refused(flow, "Task_PublishAuctionNotice", "起拍价 559999.99 元低于参考价 800000.00 元的百分之七十（560000.00 元）："
        + "《最高人民法院关于人民法院网络司法拍卖若干问题的规定》第十条",
        notice(559999.99, JUNE_1, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 2), PLATFORM));
    flow.notice(560000.00, JUNE_1, LocalDate.of(2026, 7, 1));
    assertThat(flow.active()).containsExactly("Event_NoticePeriodEnds");
  }

  @Test
  void realEstateNoticeShorterThanThirtyDaysIsRefused() {
    DisposalFlow flow = atFirstNotice("real-estate");
    refused(flow, "Task_PublishAuctionNotice", "仅 29 日，拍卖不动产或者其他财产权应当在拍卖三十日前公告：《最高人民法院关于人民法院网络司法拍卖若干问题的规定》第十二条",
        notice(600000.00, JUNE_1, LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 1), PLATFORM));
  }

  @Test
  void movablesNoticeShorterThanFifteenDaysIsRefused() {
    DisposalFlow flow = atFirstNotice("vehicle");
    refused(flow, "Task_PublishAuctionNotice", "仅 14 日，拍卖动产应当在拍卖十五日前公告：《最高人民法院关于人民法院网络司法拍卖若干问题的规定》第十二条",
        notice(600000.00, JUNE_1, LocalDate.of(2026, 6, 15), LocalDate.of(2026, 6, 16), PLATFORM));
    flow.notice(600000.00, JUNE_1, LocalDate.of(2026, 6, 16));
    assertThat(flow.active()).containsExactly("Event_NoticePeriodEnds");
  }

  @Test
  void biddingShorterThanTwentyFourHoursIsRefused() {
    DisposalFlow flow = atFirstNotice("vehicle");
    Object[] values = notice(600000.00, JUNE_1, LocalDate.of(2026, 6, 16), LocalDate.of(2026, 6, 17), PLATFORM);
    values[11] = "09:30";
    refused(flow, "Task_PublishAuctionNotice", "竞价时间为 23.5 小时，不得少于二十四小时：《最高人民法院关于人民法院网络司法拍卖若干问题的规定》第二十条", values);
  }

  @Test
  void secondAuctionRulesAreEachRefused() {
    DisposalFlow flow = atFirstNotice("real-estate");
    LocalDate first = LocalDate.of(2026, 7, 1);
    flow.notice(600000.00, JUNE_1, first).biddingOver(first).unsold().complete("Task_DecideInLieu", "inLieu", "decline");
    at(LocalDateTime.of(2026, 7, 3, 9, 0));
    LocalDate published = LocalDate.of(2026, 7, 3);
    // More than 20% below the first start price (at least 480,000.00).
    refused(flow, "Task_PublishAuctionNotice", "再次拍卖的起拍价 479999.99 元较前次起拍价 600000.00 元降价超过百分之二十（不得低于 480000.00 元）："
        + "《最高人民法院关于人民法院网络司法拍卖若干问题的规定》第二十六条",
        notice(479999.99, published, LocalDate.of(2026, 7, 20), LocalDate.of(2026, 7, 21), PLATFORM));
    // Real estate: 15 days' notice before the second auction.
    refused(flow, "Task_PublishAuctionNotice", "仅 14 日，拍卖不动产或者其他财产权应当在拍卖十五日前公告：《最高人民法院关于人民法院网络司法拍卖若干问题的规定》第二十六条",
        notice(480000.00, published, LocalDate.of(2026, 7, 17), LocalDate.of(2026, 7, 18), PLATFORM));
    // Within 30 days of the failure on 2 July: by 1 August.
    refused(flow, "Task_PublishAuctionNotice", "前次拍卖于 2026-07-02 流拍，再次拍卖应当在三十日内（2026-08-01 前）进行，本次定于 2026-08-02",
        notice(480000.00, published, LocalDate.of(2026, 8, 2), LocalDate.of(2026, 8, 3), PLATFORM));
    refused(flow, "Task_PublishAuctionNotice", "再次拍卖应当在前次拍卖的同一网络司法拍卖平台（人民法院诉讼资产网）进行",
        notice(480000.00, published, LocalDate.of(2026, 7, 20), LocalDate.of(2026, 7, 21), "京东司法拍卖"));
    flow.notice(480000.00, published, LocalDate.of(2026, 7, 18));
    assertThat(flow.active()).containsExactly("Event_NoticePeriodEnds");
  }

  @Test
  void movablesSecondNoticeShorterThanSevenDaysIsRefused() {
    DisposalFlow flow = atFirstNotice("vehicle");
    LocalDate first = LocalDate.of(2026, 6, 16);
    flow.notice(600000.00, JUNE_1, first).biddingOver(first).unsold().complete("Task_DecideInLieu", "inLieu", "decline");
    refused(flow, "Task_PublishAuctionNotice", "仅 6 日，拍卖动产应当在拍卖七日前公告：《最高人民法院关于人民法院网络司法拍卖若干问题的规定》第二十六条",
        notice(480000.00, LocalDate.of(2026, 6, 17), LocalDate.of(2026, 6, 23), LocalDate.of(2026, 6, 24), PLATFORM));
    flow.notice(480000.00, LocalDate.of(2026, 6, 17), LocalDate.of(2026, 6, 24));
  }

  @Test
  void aSalePriceBelowTheStartPriceIsRefused() {
    DisposalFlow flow = atFirstNotice("vehicle");
    LocalDate first = LocalDate.of(2026, 6, 16);
    flow.notice(600000.00, JUNE_1, first).biddingOver(first);
    refused(flow, "Task_RecordAuctionResult", "成交价不能低于起拍价 600000.00 元", "auctionResult", "sold", "buyer", "李某",
        "finalPrice", 599999.99);
  }

  @Test
  void aLaterWayOfPricingNeedsItsGround() {
    DisposalFlow flow = new DisposalFlow(engine, beans).start("vehicle", false, false);
    // The form requires the ground of the way chosen (shown only for it); Java keeps the article's grounds.
    refused(flow, "Task_ChooseReferenceMethod", "请填写定向询价的依据（第五条）", "referenceMethod", "directed-inquiry",
        "hasOfficialPrice", true);
    refused(flow, "Task_ChooseReferenceMethod", "定向询价仅适用于有计税基准价、政府定价或者政府指导价的财产（《最高人民法院关于人民法院确定财产处置参考价若干问题的规定》第五条）",
        "referenceMethod", "directed-inquiry", "groundDirected", "negotiation-failed", "hasOfficialPrice", false);
    refused(flow, "Task_ChooseReferenceMethod", "网络询价仅适用于无需由专业人员现场勘验或者鉴定",
        "referenceMethod", "online-inquiry", "groundOnline", "directed-failed", "onlineInquiryPossible", false);
    refused(flow, "Task_ChooseReferenceMethod", "第十四条", "referenceMethod", "appraisal", "groundAppraisal", "directed-failed");
    flow.complete("Task_ChooseReferenceMethod", "referenceMethod", "directed-inquiry", "groundDirected", "negotiation-failed",
        "hasOfficialPrice", true);
    assertThat(flow.active()).containsExactly("Task_RecordReferencePrice");
  }
}
