package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseFlow.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.calendar.CaseClock;
import cn.court.enforcement.calendar.CaseTerm.PauseReason;
import cn.court.enforcement.escalation.SweepTestSupport;
import cn.court.enforcement.escalation.TimeLimitsSpringTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real {@code enforcement-case} with the time-limit table, the calendar, the case clock
 * and the escalation sweep (SPEC §2, §8). 2026: Spring Festival 15–23 Feb, make-up working days
 * Sat 14 and Sat 28 Feb; National Day 1–7 Oct.
 */
@TimeLimitsSpringTest
class CaseTimeLimitsTest {

  private static final ZoneId COURT = ZoneId.of("Asia/Shanghai");

  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired CaseClock clock;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Date at(String dateTime) {
    return Date.from(LocalDateTime.parse(dateTime).atZone(COURT).toInstant());
  }

  private static void now(String dateTime) {
    ClockUtil.setCurrentTime(at(dateTime));
  }

  private void sweepAt(String dateTime) {
    SweepTestSupport.sweepAt(management, at(dateTime));
  }

  /** The limits the task is held to, from its diagram: no task variable holds them. */
  private List<String> limitsOf(Task task) {
    assertThat(tasks.getVariableLocal(task.getId(), "timeLimit")).isNull();
    return CaseFlow.limitsOf(task);
  }

  @Test
  void intakeAndDocumentsAreDueByTheTableAndAnOverdueIntakeReachesItsLeader() {
    now("2026-02-12T10:00");
    CaseFlow flow = CaseFlow.start("（2026）豫0000执9001号", "2026-02-12");

    // intake: 2 working days, Fri 13 and the make-up Saturday 14 Feb
    Task verify = flow.at("Task_VerifyFilingData");
    assertThat(verify.getDueDate()).isEqualTo(at("2026-02-14T23:59:59"));
    assertThat(limitsOf(verify)).containsExactly("intake", "execution-notice-from-filing");
    // the statutory clock runs from filing: 6 months
    assertThat(clock.deadline(flow.caseNumber)).isEqualTo(LocalDate.parse("2026-08-12"));

    sweepAt("2026-02-24T08:00");
    assertThat(jdbc.queryForList("select time_limit, group_id from court_node_deadline where task_id = ? "
        + "and overdue_at is not null", verify.getId()))
        .containsExactly(Map.of("TIME_LIMIT", "intake", "GROUP_ID", "intake"));
    List<Map<String, Object>> told = jdbc.queryForList(
        "select recipient, kind, body from court_notification where task_id = ?", verify.getId());
    assertThat(told).singleElement().satisfies(n -> {
      assertThat(n).containsEntry("RECIPIENT", "lilinxia").containsEntry("KIND", "OVERDUE");
      assertThat((String) n.get("BODY")).contains("核对立案信息", "2026-02-14 23:59");
    });

    now("2026-02-24T10:00");
    flow.passIntake();
    // execution notice: 3 days from receiving the case (Fri 27 Feb), but 10 days from filing end first
    // (22 Feb, in the Spring Festival, so Tue 24 Feb)
    Task documents = flow.at("Task_RegisterAndServeDocuments");
    assertThat(documents.getDueDate()).isEqualTo(at("2026-02-24T23:59:59"));
    assertThat(limitsOf(documents)).containsExactly("execution-notice", "execution-notice-from-filing");
    assertThat(jdbc.queryForObject("select ended_at from court_node_deadline where task_id = ?", Date.class,
        verify.getId())).isNotNull();
  }

  @Test
  void theHandlerIsNamedWithinSevenDaysOfFilingOrTheOverdueNamingReachesTheTeamLeader() {
    now("2026-03-02T09:00");
    CaseFlow flow = CaseFlow.start("（2026）豫0000执9004号", "2026-03-02").toTriageConfirmation(true)
        .confirmTrack(vars("caseTrack", "quick"));
    Task naming = flow.at("Task_NameQuickHandler");
    assertThat(naming.getAssignee()).isEqualTo("yangguoping");
    assertThat(naming.getDueDate()).isEqualTo(at("2026-03-09T23:59:59"));
    assertThat(limitsOf(naming)).containsExactly("handler-assigned");

    sweepAt("2026-03-11T08:00");
    assertThat(jdbc.queryForList("select time_limit, group_id from court_node_deadline where task_id = ? "
        + "and overdue_at is not null", naming.getId()))
        .containsExactly(Map.of("TIME_LIMIT", "handler-assigned", "GROUP_ID", "quick-team"));
    // The sweep sees the case's other open tasks too (its dossier): the naming's notice is the leader's.
    assertThat(jdbc.queryForList("select recipient, body from court_notification where case_number = ? and kind = 'OVERDUE'"
        + " and body like '%指定承办人%'", flow.caseNumber)).singleElement().satisfies(n -> {
          assertThat(n).containsEntry("RECIPIENT", "yangguoping");
          assertThat((String) n.get("BODY")).contains("2026-03-09 23:59");
        });
  }

  @Test
  void theQuickTeamHasThirtyDaysFromFiling() {
    now("2026-03-02T09:00");
    CaseFlow flow = CaseFlow.start("（2026）豫0000执9002号", "2026-03-02").toQuickTeam();
    Task quick = flow.at("Task_HandleQuickCase");
    assertThat(quick.getDueDate()).isEqualTo(at("2026-04-01T23:59:59"));
    assertThat(limitsOf(quick)).containsExactly("quick-team-case");
  }

  @Test
  void theTeamWorksToTheCaseClockWhileADisposalRunsBesideIt() {
    now("2026-03-02T09:00");
    CaseFlow flow = CaseFlow.start("（2026）豫0000执9003号", "2026-03-02").toTriageConfirmation(false)
        .confirmTrack(vars("caseTrack", "ordinary")).allocate().nameHandler("Task_NameTeamHandler");
    String team = (String) engine.getRuntimeService().getVariable(flow.instance.getId(), "handlingTeam");
    Task hub = flow.at("Task_ChooseNextMeasure");
    assertThat(hub.getDueDate()).isEqualTo(at("2026-09-02T23:59:59"));
    assertThat(limitsOf(hub)).containsExactly("case");

    // The disposal runs beside the case (its own clock pauses, asset-disposal's tests): the hub is open again at once.
    now("2026-04-01T09:00");
    flow.complete("Task_ChooseNextMeasure", team, vars("nextMeasure", "asset-disposal",
        "disposalPropertyKind", "real-estate", "assetDescription", "某小区3号楼房产"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("asset-disposal")
        .processInstanceBusinessKey(flow.caseNumber).count()).isEqualTo(1);
    assertThat(flow.at("Task_ChooseNextMeasure").getDueDate()).isEqualTo(at("2026-09-02T23:59:59"));
  }

  @Test
  void theRulingIsPublishedWithinSevenWorkingDaysOfClosure() {
    now("2026-03-16T09:00");
    CaseFlow flow = CaseFlow.start("（2026）豫0000执9016号", "2026-03-02").toQuickTeam()
        .complete("Task_HandleQuickCase", "quick-team", vars("quickOutcome", "close", "closureKind", "fully-performed"))
        .complete("Task_RegisterClosure", "documents", vars("closedDate", "2026-03-16"));
    Task publication = flow.at("Task_PublishRuling");
    assertThat(limitsOf(publication)).containsExactly("ruling-publication");
    // 法释〔2016〕19号 第七条: seven working days from Mon 16 March, the weekend not counted
    assertThat(publication.getDueDate()).isEqualTo(at("2026-03-25T23:59:59"));
  }

  @Test
  void theExecutionNoticeIsDueTenDaysFromFilingHoweverLongIntakeAndCorrectionsTake() {
    now("2026-03-02T09:00");
    CaseFlow flow = CaseFlow.start("（2026）豫0000执9005号", "2026-03-02");
    assertThat(flow.at("Task_VerifyFilingData").getDueDate()).as("intake: 2 working days")
        .isEqualTo(at("2026-03-04T23:59:59"));
    now("2026-03-04T10:00");
    flow.complete("Task_VerifyFilingData", "intake", vars("filingCheck", "needs-correction", "filingErrors", "标的额有误"));
    assertThat(flow.at("Task_CorrectFilingData").getDueDate()).as("correction: 1 working day")
        .isEqualTo(at("2026-03-05T23:59:59"));
    now("2026-03-11T10:00");
    Map<String, Object> corrected = CaseFlow.filing(flow.caseNumber);
    corrected.put("filingDate", "2026-03-02");
    flow.complete("Task_CorrectFilingData", "filing", corrected);

    // back at intake on Wed 11 Mar: 2 working days would end Fri 13, ten days from filing end Thu 12
    Task verify = flow.at("Task_VerifyFilingData");
    assertThat(verify.getDueDate()).isEqualTo(at("2026-03-12T23:59:59"));
    sweepAt("2026-03-13T00:05");
    assertOverdueByTheNoticeLimit(verify, "lilinxia");

    // the documents desk receives the case already late: its 3 days do not move the notice's limit
    now("2026-03-13T09:00");
    flow.passIntake();
    Task documents = flow.at("Task_RegisterAndServeDocuments");
    assertThat(documents.getDueDate()).isEqualTo(at("2026-03-12T23:59:59"));
    sweepAt("2026-03-13T09:15");
    assertOverdueByTheNoticeLimit(documents, CaseFlow.leaderOf("documents"));
  }

  /** The node is in the overdue-node table under the limit from filing, and its unit's leader was told. */
  private void assertOverdueByTheNoticeLimit(Task task, String leader) {
    assertThat(jdbc.queryForObject("select time_limit from court_node_deadline where task_id = ? and overdue_at is not null",
        String.class, task.getId())).isEqualTo("execution-notice-from-filing");
    assertThat(jdbc.queryForList("select recipient from court_notification where task_id = ? and kind = 'OVERDUE'",
        String.class, task.getId())).containsExactly(leader);
  }

  @Test
  void serviceByPublicNoticeStopsTheClockForThirtyDays() {
    now("2026-03-02T09:00");
    CaseFlow flow = CaseFlow.start("（2026）豫0000执9006号", "2026-03-02").passIntake();
    now("2026-03-05T10:00");
    flow.complete("Task_RegisterAndServeDocuments", "documents", vars("registerEntryNumber", "登记-002",
        "executionNoticeServedOn", "2026-03-05", "propertyReportOrderServedOn", "2026-03-05",
        "clueNoticeSentOn", "2026-03-05", "serviceMethod", "public-notice", "publicNoticeDate", "2026-03-05"));

    // 2 Sep + 30 days = 2 Oct, in the National Day holiday: Thu 8 Oct
    assertThat(clock.term(flow.caseNumber).pausedDays(LocalDate.parse("2026-03-05"))).isEqualTo(30);
    assertThat(clock.deadline(flow.caseNumber)).isEqualTo(LocalDate.parse("2026-10-08"));
    assertThat(clock.state(flow.caseNumber).pauses()).singleElement()
        .isEqualTo(new CaseClock.PauseRecord(PauseReason.PUBLIC_NOTICE, LocalDate.parse("2026-03-05"),
            LocalDate.parse("2026-04-04"), "登记案件并送达文书", null));
    Map<String, Object> variables = engine.getRuntimeService().getVariables(flow.instance.getId());
    assertThat(variables).doesNotContainKey("publicNoticeDate");
    assertThat((String) variables.get(CaseClock.TERM_VARIABLE))
        .contains("执行期限至 2026-10-08", "「公告」2026-03-05 起，2026-04-04 恢复计算（30 日）（登记案件并送达文书）");
  }

  @Test
  void theTeamRecordsASuspensionAndTheResumptionMovesTheDeadlineByThePausedDays() {
    now("2026-03-02T09:00");
    CaseFlow flow = CaseFlow.start("（2026）豫0000执9007号", "2026-03-02").toTriageConfirmation(false)
        .confirmTrack(vars("caseTrack", "ordinary")).allocate().nameHandler("Task_NameTeamHandler");
    String team = (String) engine.getRuntimeService().getVariable(flow.instance.getId(), "handlingTeam");

    now("2026-04-01T09:00");
    flow.complete("Task_ChooseNextMeasure", team, vars("nextMeasure", "suspend-or-defer"))
        .complete("Task_RecordTeamMeasure", team, suspension(flow, "2026-04-01", "suspension-start"));
    assertThat(flow.at("Task_ChooseNextMeasure").getDueDate()).as("nothing paused yet on the day it begins")
        .isEqualTo(at("2026-09-02T23:59:59"));

    now("2026-05-11T09:00");
    flow.complete("Task_ChooseNextMeasure", team, vars("nextMeasure", "suspend-or-defer"));
    assertThatThrownBy(() -> flow.complete("Task_RecordTeamMeasure", team,
        suspension(flow, "2026-05-11", "suspension-start")))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("不能重复登记");
    flow.complete("Task_RecordTeamMeasure", team, suspension(flow, "2026-05-11", "suspension-end"));

    // 40 days suspended: 2 Sep + 40 = Mon 12 Oct
    assertThat(clock.deadline(flow.caseNumber)).isEqualTo(LocalDate.parse("2026-10-12"));
    assertThat(flow.at("Task_ChooseNextMeasure").getDueDate()).isEqualTo(at("2026-10-12T23:59:59"));
    assertThat((String) engine.getRuntimeService().getVariable(flow.instance.getId(), CaseClock.TERM_VARIABLE))
        .contains("「中止执行」2026-04-01 起，2026-05-11 恢复计算（40 日）（记录执行措施 / 记录执行措施）");
  }

  private static Map<String, Object> suspension(CaseFlow flow, String day, String step) {
    return vars("respondentPartyId", flow.respondent(1), "measureDate", day,
        "measureSummary", "被执行人下落不明，其财产由他人代管", "casePause", step, "casePauseDate", day);
  }
}
