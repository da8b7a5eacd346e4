package cn.court.enforcement.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.court.enforcement.calendar.CaseClock;
import cn.court.enforcement.calendar.CaseClock.PauseRecord;
import cn.court.enforcement.calendar.CaseTerm.PauseReason;
import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.demo.CaseRoute;
import cn.court.enforcement.demo.CaseRoute.Find;
import cn.court.enforcement.demo.CaseWalker;
import cn.court.enforcement.demo.DemoFilings;
import cn.court.enforcement.demo.Step;
import cn.court.enforcement.funds.CaseMoneyBalance;
import cn.court.enforcement.funds.CaseMoneyLedger;
import cn.court.enforcement.funds.CaseMoneyLedger.Payout;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Staff;
import cn.court.enforcement.support.EngineClock;
import cn.court.enforcement.support.SeedStaff;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13 in one walk, in the real application (authorizations on, the seed organisation): a
 * seized house goes from the team's 财产处置 through 腾退, 当事人议价, the first online auction
 * (notice and bidding timers fired on the engine clock) to its sale and proceeds; the case receives
 * the report, case-funds starts by message, the handler settles the costs and the shares, a
 * bureau leader approves, finance pays, and only then the case closes. The team records both
 * interviews while the auction runs. Every task is found in the Tasklist query of the person
 * who does it (their groups' tasks, with their authentication) and is invisible to an outsider.
 */
// A web server it does not use, so it shares the application context of the other web tests.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisposalToPayoutTest {

  private static final AtomicInteger SERIAL = new AtomicInteger(7600);
  private static final LocalDate FILED = LocalDate.of(2026, 8, 3);
  private static final LocalDate SEIZED = LocalDate.of(2026, 8, 10);
  private static final Find HOUSE = new Find("real-estate", "郑州市不动产登记中心", 800_000, false, true);
  private static final String BUYER = "河南某置业有限公司";
  private static final String PRICE = "612345.67";

  @Autowired ProcessEngine engine;
  @Autowired Organisation organisation;
  @Autowired CaseWalker engineWalker;
  @Autowired CaseRegistry registry;
  @Autowired CaseMoneyLedger ledger;
  @Autowired CaseClock caseClock;
  @Autowired JdbcTemplate jdbc;

  private SeedStaff people;
  private String caseNumber;
  private String handlingTeam;

  @AfterEach
  void resetClock() {
    engine.getIdentityService().clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void aSeizedHouseIsSoldAtTheFirstAuctionAndTheApplicantPaidWhileTheTeamWorksTheCase() {
    people = new SeedStaff(organisation);
    int serial = SERIAL.incrementAndGet();
    caseNumber = DemoFilings.caseNumber(serial);
    EngineClock.at(SEIZED.atTime(9, 0));
    Map<String, Object> filing = new HashMap<>(DemoFilings.filing(serial, FILED));
    filing.put("amountClaimed", 600000.00);
    ProcessInstance enforcementCase = engineWalker.file(filing, 0);

    // Filing to the team: the house is found online and seized offline by intensive affairs.
    CaseRoute route = new CaseRoute(caseNumber, FILED, SEIZED);
    walk(route.verifyFiling().reception("被执行人名下有住宅一套").documents("direct").dossier().inquiry(HOUSE)
        .offlineControl().triageFacts(false, false).confirmTrack("ordinary", null).allocate().take());
    handlingTeam = (String) engine.getRuntimeService().getVariable(enforcementCase.getId(), "handlingTeam");
    assertThat(handlingTeam).startsWith("ordinary-team-");
    walk(route.nameTeamHandler().take());
    String handler = people.handlerOf(handlingTeam);
    CaseRegistry.PropertyItem house = registry.propertyItems(caseNumber).get(0);
    assertThat(house.kind()).isEqualTo("real-estate");

    // The team sends the occupied house to disposal; the handler vacates it; 张海统 (real estate) takes it on.
    walk(route.chooseMeasure("asset-disposal", "disposalItemId", String.valueOf(house.id()),
        "assetDescription", "被执行人及家属居住", "assetOccupied", true).take());
    ProcessInstance disposal = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("asset-disposal").processInstanceBusinessKey(caseNumber).singleResult();
    assertThat(engine.getRuntimeService().getActiveActivityIds(enforcementCase.getId())).contains(CaseRoute.TEAM_HUB);
    work("Task_VacateHouse", handler, "vacatedOn", SEIZED.toString(), "vacateNotes", "被执行人已搬离，钥匙已移交法院");
    work("Task_ChooseReferenceMethod", "zhanghaitong", "referenceMethod", "negotiation");
    work("Task_RecordReferencePrice", "zhanghaitong", "referencePrice", 800000.00, "referenceDate", SEIZED.toString());

    // While the disposal runs the team interviews the applicant.
    walk(route.interview("applicant", "申请执行人同意以网络司法拍卖方式处置被执行人住宅").take());

    // First auction: 第十条 (start price at least 70 %) and 第十二条 (30 days' notice for real estate) are
    // enforced; the notice that obeys them starts the notice-period timer.
    LocalDate auction = SEIZED.plusDays(31);
    assertThatThrownBy(() -> work("Task_PublishAuctionNotice", "zhanghaitong", notice(559999.99, SEIZED.plusDays(29))))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("第十条").hasMessageContaining("第十二条");
    work("Task_PublishAuctionNotice", "zhanghaitong", notice(560000.00, auction));
    walk(route.interview("respondent", "被执行人表示不阻碍拍卖，愿配合看样").take());
    EngineClock.timerFiresAt(engine, disposal.getId(), auction.atTime(10, 0));
    EngineClock.timerFiresAt(engine, disposal.getId(), auction.plusDays(1).atTime(10, 0));
    work("Task_RecordAuctionResult", "zhanghaitong", "auctionResult", "sold", "buyer", BUYER,
        "finalPrice", Double.valueOf(PRICE));
    // The case clock stood still from the notice to the result (法释〔2000〕29号 第九条, as disposal/DisposalClock).
    assertThat(caseClock.state(caseNumber).pauses()).extracting(PauseRecord::reason, PauseRecord::start, PauseRecord::end)
        .containsExactly(tuple(PauseReason.AUCTION, SEIZED, auction.plusDays(1)));
    LocalDate paidIn = auction.plusDays(5);
    EngineClock.at(paidIn.atTime(15, 0));
    work("Task_RecordProceeds", "zhanghaitong", "proceedsAmount", Double.valueOf(PRICE),
        "proceedsArrivedOn", paidIn.toString(), "disposalPayer", BUYER);
    runJobsOf(disposal.getId()); // the report to the case runs in its own transaction (asyncBefore)

    // The case has the report and the team's hub is still open; the money arrival started case-funds.
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(disposal.getId()).count()).isZero();
    assertThat(engine.getRuntimeService().getActiveActivityIds(enforcementCase.getId())).contains(CaseRoute.TEAM_HUB);
    assertThat((String) engine.getRuntimeService().getVariable(enforcementCase.getId(), "caseDisposalsText"))
        .startsWith("处置中 0 项，已报告结果 1 项").contains("拍卖成交，价款 " + PRICE + " 元");
    ProcessInstance funds = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("case-funds")
        .processInstanceBusinessKey(caseNumber).singleResult();
    assertThat(engine.getRuntimeService().getVariables(funds.getId())).containsEntry("moneySource", "disposal")
        .containsEntry("moneyAmount", PRICE).containsEntry("moneyPayer", BUYER).containsEntry("handlingTeam", handlingTeam)
        .containsEntry("caseHandler", handler);

    // Closure is refused while the money is unpaid; the team's task stays open.
    CaseRoute closing = new CaseRoute(caseNumber, paidIn.plusDays(3), paidIn.plusDays(30));
    List<Step> closeTooEarly = closing.proposeClosure("fully-performed", null).take();
    assertThatThrownBy(() -> walk(closeTooEarly)).isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("尚有案款 " + PRICE + " 元未发放（已到账 " + PRICE + " 元，执行费用 0.00 元，已发放 0.00 元），"
            + "案款发放完毕前不能结案")
        .hasMessageNotContaining("谈话笔录");
    assertThat(engine.getRuntimeService().getActiveActivityIds(enforcementCase.getId())).contains(CaseRoute.TEAM_HUB);

    // 贺琦 (funds) confirms; the handler settles: 执行费 on the 600,000 yuan executed (《诉讼费用交纳办法》第十四条
    // 第（一）项: 50 yuan, 1.5 % of 10,000–500,000, 1 % of 500,000–5,000,000 = 8,400.00), the vacating costs, and the
    // shares: the claim to the applicant, the rest back to the respondent who owned the house.
    String applicant = (String) engine.getRuntimeService().getVariable(enforcementCase.getId(), "applicantName");
    String respondent = registry.respondents(caseNumber).stream().filter(party -> party.id() == house.respondentId())
        .findFirst().orElseThrow().party().name(); // the house's owner
    work("Task_ConfirmMoneyArrival", "heqi", "arrivalConfirmed", true, "confirmationNote", "已与执行款专户流水核对");
    EngineClock.at(paidIn.plusDays(1).atTime(9, 0));
    work("Task_SettleCaseMoney", handler, "amountChecked", true, "executionFee", "8400.00", "disposalCosts", "1500.00",
        "applicantNotifiedOn", paidIn.plusDays(1).toString(), "payoutTotal", "602445.67",
        "payee1", applicant, "share1", "600000.00", "payee2", respondent, "share2", "2445.67");
    work("Task_ApprovePayout", "juzhang", "payoutDecision", "approve", "approvalOpinion", "同意发放");
    EngineClock.at(paidIn.plusDays(3).atTime(9, 0));
    work("Task_PayCaseMoney", "caiwu", "paymentResult", "paid", "paidOn", paidIn.plusDays(3).toString());
    work("Task_SuperviseCaseMoney", "heqi", "supervisionNote", "已逐环节核对，案款发放完毕");

    assertThat(ledger.balance(caseNumber)).isEqualTo(new CaseMoneyBalance(new BigDecimal(PRICE), new BigDecimal("9900.00"),
        new BigDecimal("602445.67"), new BigDecimal("0.00")));
    assertThat(ledger.payouts(caseNumber)).extracting(Payout::payee, Payout::share, Payout::status, Payout::paidOn)
        .containsExactly(tuple(applicant, new BigDecimal("600000.00"), "paid", paidIn.plusDays(3)),
            tuple(respondent, new BigDecimal("2445.67"), "paid", paidIn.plusDays(3)));
    assertThat(jdbc.queryForMap("select approved_by, paid_by, proposed_by from case_money_payout where case_number = ? "
        + "order by id fetch first 1 rows only", caseNumber)).containsValues("juzhang", "caiwu", handler);
    assertThat((BigDecimal) jdbc.queryForObject("select proceeds from asset_disposal where process_instance_id = ?",
        BigDecimal.class, disposal.getId())).isEqualByComparingTo(PRICE);

    // Now the case closes, the ruling is published and the dossier archived.
    EngineClock.at(paidIn.plusDays(30).atTime(9, 0));
    walk(closing.proposeClosure("fully-performed", null).registerClosure().archive("档-2026-执-7601").take());
    List<HistoricProcessInstance> history = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).list();
    assertThat(history).extracting(HistoricProcessInstance::getProcessDefinitionKey)
        .contains("enforcement-case", "dossier", "asset-disposal", "case-funds");
    assertThat(history).extracting(HistoricProcessInstance::getState).containsOnly(HistoricProcessInstance.STATE_COMPLETED);
    assertPerformedBy(engine.getHistoryService());
  }

  /** The auction notice of the first round, published on the seizure day, bidding from 10:00 for 24 hours. */
  private static Object[] notice(double startPrice, LocalDate starts) {
    return new Object[] {"startPrice", startPrice, "noticePublishedOn", SEIZED.toString(),
        "auctionStartDate", starts.toString(), "auctionStartTime", "10:00",
        "auctionEndDate", starts.plusDays(1).toString(), "auctionEndTime", "10:00", "auctionPlatform", "人民法院诉讼资产网"};
  }

  /** Each step of the route by whoever holds its task, or a member of its group. */
  private void walk(List<Step> steps) {
    List<String> respondents = registry.respondents(caseNumber).stream().map(party -> String.valueOf(party.id())).toList();
    for (Step step : steps) {
      if (step.isJob()) {
        engineWalker.runJob(caseNumber, step.taskKey());
        continue;
      }
      String group = step.groupFor(handlingTeam);
      Task task = openTask(step.taskKey());
      String user = task.getAssignee() != null ? task.getAssignee() : people.memberOf(group).id();
      work(step.taskKey(), user, step.variablesFor(people.handlerOf(group), respondents));
    }
  }

  private void work(String taskKey, String user, Object... pairs) {
    Map<String, Object> form = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      form.put((String) pairs[i], pairs[i + 1]);
    }
    work(taskKey, user, form);
  }

  /**
   * {@code user} finds the task among their groups' tasks in Tasklist (their authentication), an
   * outsider to its candidate group does not see it at all; the user claims it if nobody holds it
   * (or holds it already) and submits the form.
   */
  private void work(String taskKey, String user, Map<String, Object> form) {
    Task open = openTask(taskKey);
    String group = candidateGroup(open);
    Staff outsider = people.outsiderOf(group);
    assertThat(as(outsider, () -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey(taskKey).list()))
        .as("%s (not in %s) must not see %s", outsider.id(), group, taskKey).isEmpty();
    Staff person = people.person(user);
    assertThat(person.groups()).as("%s is in %s", user, group).contains(group);
    List<Task> seen = as(person, () -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey(taskKey).taskCandidateGroupIn(person.groups()).includeAssignedTasks().list());
    assertThat(seen).as("%s sees %s in their groups' tasks", user, taskKey).extracting(Task::getId).containsExactly(open.getId());
    assertThat(open.getAssignee()).as("%s is held by", taskKey).isIn(null, user);
    as(person, () -> {
      if (open.getAssignee() == null) {
        engine.getTaskService().claim(open.getId(), user);
      }
      engine.getFormService().submitTaskForm(open.getId(), form);
      return null;
    });
  }

  /** The case's one open task at {@code taskKey}, in any of its processes (all keyed by the case number). */
  private Task openTask(String taskKey) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey(taskKey).list();
    assertThat(tasks).as("one open %s", taskKey).hasSize(1);
    return tasks.get(0);
  }

  private String candidateGroup(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElseThrow();
  }

  private void runJobsOf(String processInstanceId) {
    engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).executable().messages().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  private <T> T as(Staff person, Supplier<T> work) {
    engine.getIdentityService().setAuthentication(person.id(), person.groups());
    try {
      return work.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** History names the seed's people for the disposal and money tasks (the engine's own record of who did what). */
  private void assertPerformedBy(HistoryService history) {
    Map<String, String> byKey = new HashMap<>();
    history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber).finished().list()
        .forEach(task -> byKey.put(task.getTaskDefinitionKey(), task.getAssignee()));
    assertThat(byKey).containsEntry("Task_VacateHouse", people.handlerOf(handlingTeam))
        .containsEntry("Task_ChooseReferenceMethod", "zhanghaitong").containsEntry("Task_PublishAuctionNotice", "zhanghaitong")
        .containsEntry("Task_RecordProceeds", "zhanghaitong").containsEntry("Task_ConfirmMoneyArrival", "heqi")
        .containsEntry("Task_SettleCaseMoney", people.handlerOf(handlingTeam)).containsEntry("Task_ApprovePayout", "juzhang")
        .containsEntry("Task_PayCaseMoney", "caiwu").containsEntry("Task_SuperviseCaseMoney", "heqi");
  }
}
