package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseFlow.today;
import static cn.court.enforcement.casefile.CaseFlow.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.escalation.SweepTestSupport;
import cn.court.enforcement.escalation.TimeLimitsSpringTest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The court president's authority over punishments, with the application's beans and the demo
 * organisation: 拘传、罚款、拘留 approved by the president (民事诉讼法 第一百一十九条), the
 * consumption-restriction order and the dishonest-list decision signed by him, the limits of
 * 第一百一十八条 by the respondent's kind, and the dishonest listing's end as a due date the
 * escalation sweep sees.
 */
@TimeLimitsSpringTest
class PunishmentAuthorityTest {

  private static final ZoneId COURT = ZoneId.of("Asia/Shanghai");
  private static final String PRESIDENT = "yuanzhang";
  private static final String VICE_PRESIDENT = "fuyuanzhang";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  private CaseFlow flow;
  private String team;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  private static Date at(String dateTime) {
    return Date.from(LocalDateTime.parse(dateTime).atZone(COURT).toInstant());
  }

  /** A case against a person (张三) and a company, at its allocated team's hub. */
  private void caseAtTheTeam(String caseNumber, String filingDate) {
    Map<String, Object> filing = CaseFlow.filing(caseNumber);
    filing.put("filingDate", filingDate);
    CaseFlow.parties(filing, "respondent", List.of(
        Map.of("name", "李四", "idNumber", "410105198001011239", "address", "某县东街1号"),
        Map.of("name", "某某建材有限公司", "legalRepresentative", "李某", "idNumber", CaseFlow.CREDIT_CODE,
            "address", "某县工业园区8号")));
    flow = CaseFlow.start(filing).toTriageConfirmation(false).confirmTrack(vars("caseTrack", "ordinary")).allocate()
        .nameHandler("Task_NameTeamHandler");
    team = (String) runtime.getVariable(flow.instance.getId(), CaseVariables.HANDLING_TEAM);
  }

  private CaseFlow propose(int respondent, String kind, Object... fields) {
    flow.complete("Task_ChooseNextMeasure", team, vars("nextMeasure", "punishment"));
    Map<String, Object> form = vars(fields);
    form.putAll(vars("respondentPartyId", flow.respondent(respondent), "punishmentKind", kind,
        "punishmentGrounds", "拒不报告财产"));
    return flow.complete("Task_ProposePunishment", team, form);
  }

  @Test
  void eachPunishmentGoesToWhomTheLawNames() {
    caseAtTheTeam("（2026）豫0000执9101号", today());
    for (String kind : List.of("fine", "detention", "compelled-appearance")) {
      propose(1, kind, "fineAmount", 1000, "detentionDays", 5);
      Task approval = flow.at("Task_ApprovePunishment");
      assertThat(groups(approval)).as(kind).containsExactly("court-presidents");
      assertThat(approval.getAssignee()).as("the president's, not the vice-president's").isEqualTo(PRESIDENT);
      assertThat(CaseFlow.limitsOf(approval)).containsExactly("president-approval");
      flow.complete("Task_ApprovePunishment", "court-presidents", vars("presidentDecision", "approve"));
      // the decision document (拘传票 for 拘传) is then issued by a judge
      assertThat(groups(flow.at("Task_SignPunishmentRuling"))).containsExactly("judges");
      flow.complete("Task_SignPunishmentRuling", "judges", vars("punishmentDecision", "signed", "rulingNumber", kind + "-1",
          "measureDate", today(), "measureSummary", "决定书已送达"));
    }
    propose(1, "consumption-restriction");
    assertThat(flow.at("Task_SignConsumptionRestriction").getAssignee()).isEqualTo(PRESIDENT);
    flow.complete("Task_SignConsumptionRestriction", "court-presidents", vars("punishmentDecision", "signed",
        "rulingNumber", "限-1", "measureDate", today(), "measureSummary", "至履行完毕止限制高消费"));
    propose(1, "dishonest-list", "dishonestGround", "able-but-refuses");
    assertThat(flow.at("Task_SignDishonestListing").getAssignee()).isEqualTo(PRESIDENT);
    flow.complete("Task_SignDishonestListing", "court-presidents", vars("punishmentDecision", "rejected",
        "rulingRemarks", "证据不足"));
    for (String kind : List.of("exit-restriction", "crime-referral")) {
      propose(1, kind);
      assertThat(groups(flow.at("Task_SignPunishmentRuling"))).as(kind).containsExactly("judges");
      flow.complete("Task_SignPunishmentRuling", "judges", vars("punishmentDecision", "rejected", "rulingRemarks", "暂不采取"));
    }
    assertThat(jdbc.queryForList("select measure from case_measure where case_number = ? order by id", String.class,
        flow.caseNumber)).containsExactly("punishment-fine", "punishment-detention", "punishment-compelled-appearance",
            "punishment-consumption-restriction");
  }

  @Test
  void theVicePresidentApprovesNoneOfWhatTheLawGivesThePresident() {
    caseAtTheTeam("（2026）豫0000执9102号", today());
    propose(1, "fine", "fineAmount", 2000);
    Task approval = flow.at("Task_ApprovePunishment");
    // The president gives the task back; the vice-president claims it and tries to approve.
    tasks.setAssignee(approval.getId(), null);
    identity.setAuthentication(VICE_PRESIDENT, List.of("court-presidents"));
    tasks.claim(approval.getId(), VICE_PRESIDENT);
    assertThatThrownBy(() -> tasks.complete(approval.getId(), vars("presidentDecision", "approve")))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("无法完成「院长审批强制措施」：拘传、罚款、拘留必须经院长批准（《中华人民共和国民事诉讼法》第一百一十九条），须由院长本人办理。");
    assertThat(flow.at("Task_ApprovePunishment")).as("refused: the task stays open").isNotNull();

    identity.setAuthentication(PRESIDENT, List.of("court-presidents"));
    tasks.setAssignee(approval.getId(), PRESIDENT);
    tasks.complete(approval.getId(), vars("presidentDecision", "refuse", "presidentComment", "不必罚款"));
    identity.clearAuthentication();
    assertThat(flow.at("Task_ChooseNextMeasure")).isNotNull();
  }

  @Test
  void finesAndDetentionAboveTheStatutesLimitsAreRefused() {
    caseAtTheTeam("（2026）豫0000执9103号", today());
    flow.complete("Task_ChooseNextMeasure", team, vars("nextMeasure", "punishment"));
    String person = flow.respondent(1);
    String company = flow.respondent(2);
    assertThatThrownBy(() -> proposal(person, "fine", "fineAmount", 100_000.01))
        .hasMessageContaining("对个人的罚款金额为人民币十万元以下（《中华人民共和国民事诉讼法》第一百一十八条）");
    assertThatThrownBy(() -> proposal(company, "fine", "fineAmount", 49_999))
        .hasMessageContaining("对单位的罚款金额为人民币五万元以上一百万元以下（《中华人民共和国民事诉讼法》第一百一十八条）");
    assertThatThrownBy(() -> proposal(company, "fine", "fineAmount", 1_000_001))
        .hasMessageContaining("对单位的罚款金额为人民币五万元以上一百万元以下");
    // the form's own maximum comes first; the statute's is kept in Java too (CheckPunishmentProposalTest)
    assertThatThrownBy(() -> proposal(person, "detention", "detentionDays", 16)).hasMessageContaining("拘留天数不能大于15");
    assertThat(flow.at("Task_ProposePunishment")).as("refused: the task stays open").isNotNull();

    proposal(company, "fine", "fineAmount", 1_000_000);
    assertThat(flow.at("Task_ApprovePunishment").getAssignee()).isEqualTo(PRESIDENT);
  }

  @Test
  void aListedRespondentIsRestrictedAndTheEndOfTheListingIsADueDate() {
    ClockUtil.setCurrentTime(at("2024-03-04T09:00"));
    caseAtTheTeam("（2024）豫0000执9104号", "2024-03-04");
    String company = flow.respondent(2);
    propose(2, "dishonest-list", "dishonestGround", "violates-property-report");
    flow.complete("Task_SignDishonestListing", "court-presidents", vars("punishmentDecision", "signed",
        "rulingNumber", "（2024）豫0000执9104号之失1", "measureDate", "2024-03-11", "measureSummary", "违反财产报告制度",
        "restrictionOrderNumber", "（2024）豫0000执9104号之限1"));

    // listed, and with it restricted (限制消费规定 第一条第二款)
    assertThat(jdbc.queryForList("select measure || ':' || summary from case_measure where case_number = ? and party_id = ?"
        + " order by id", String.class, flow.caseNumber, Long.valueOf(company))).containsExactly(
        "punishment-dishonest-list:违反财产报告制度（失信决定书 （2024）豫0000执9104号之失1，纳入期限 2 年，至 2026-03-11）",
        "punishment-consumption-restriction:纳入失信被执行人名单，一并限制消费（限制消费令 （2024）豫0000执9104号之限1）");
    assertThat(flow.at("Task_ChooseNextMeasure")).as("the team goes on at once").isNotNull();

    // the listing runs beside the case: its end is the timer Cockpit shows
    ProcessInstance listing = runtime.createProcessInstanceQuery().processDefinitionKey("dishonest-listing")
        .processInstanceBusinessKey(flow.caseNumber).singleResult();
    Job end = management.createJobQuery().processInstanceId(listing.getId()).timers().singleResult();
    assertThat(end.getDuedate()).isEqualTo(at("2026-03-11T23:59:59"));

    // at the end the team deletes the listing within 3 working days (失信规定 第十条); the sweep watches it
    ClockUtil.setCurrentTime(at("2026-03-12T09:00"));
    management.executeJob(end.getId());
    Task removal = tasks.createTaskQuery().processInstanceId(listing.getId()).singleResult();
    assertThat(removal.getTaskDefinitionKey()).isEqualTo("Task_RemoveDishonestListing");
    assertThat(groups(removal)).containsExactly(team);
    assertThat(removal.getDueDate()).isEqualTo(at("2026-03-17T23:59:59"));
    SweepTestSupport.sweepAt(management, at("2026-03-18T08:00"));
    assertThat(jdbc.queryForList("select time_limit from court_node_deadline where task_id = ? and overdue_at is not null",
        String.class, removal.getId())).containsExactly("dishonest-list-removal");

    tasks.complete(removal.getId(), vars("measureDate", "2026-03-18", "measureSummary", "已删除失信信息"));
    assertThat(jdbc.queryForObject("select count(*) from case_measure where case_number = ? and party_id = ? "
        + "and measure = 'dishonest-list-removed'", Integer.class, flow.caseNumber, Long.valueOf(company))).isOne();
  }

  @Test
  void aLongerListingEndsLaterAndAListingWithoutPeriodHasNoTimer() {
    ClockUtil.setCurrentTime(at("2024-03-04T09:00"));
    caseAtTheTeam("（2024）豫0000执9105号", "2024-03-04");
    propose(1, "dishonest-list", "dishonestGround", "obstructs-enforcement", "listingExtended", true, "listingExtraYears", 3);
    sign("2024-03-11");
    Job end = management.createJobQuery().processDefinitionKey("dishonest-listing").timers().list().stream()
        .filter(job -> flow.caseNumber.equals(runtime.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
            .singleResult().getBusinessKey())).findFirst().orElseThrow();
    assertThat(end.getDuedate()).as("2 + 3 years").isEqualTo(at("2029-03-11T23:59:59"));

    propose(1, "dishonest-list", "dishonestGround", "able-but-refuses");
    sign("2024-03-12");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("dishonest-listing")
        .processInstanceBusinessKey(flow.caseNumber).count()).as("第一条第一项: no fixed period").isOne();
    assertThat(jdbc.queryForList("select summary from case_measure where case_number = ? and measure = 'punishment-dishonest-list'"
        + " order by id", String.class, flow.caseNumber)).last().asString().contains("无固定期限（第一条第一项）");
  }

  private void proposal(String respondent, String kind, Object... fields) {
    Map<String, Object> form = vars(fields);
    form.putAll(vars("respondentPartyId", respondent, "punishmentKind", kind, "punishmentGrounds", "拒不报告财产"));
    flow.complete("Task_ProposePunishment", team, form);
  }

  private void sign(String on) {
    flow.complete("Task_SignDishonestListing", "court-presidents", vars("punishmentDecision", "signed",
        "rulingNumber", "失-" + on, "measureDate", on, "measureSummary", "纳入失信名单", "restrictionOrderNumber", "限-" + on));
  }

  private List<String> groups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(link -> link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }
}
