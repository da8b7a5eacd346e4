package cn.court.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.calendar.CaseTerm.PauseReason;
import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.escalation.TimeLimitsSpringTest;
import cn.court.enforcement.support.StatementCounter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** The statutory case clock and the {@code time-limit-extension} process. */
@TimeLimitsSpringTest
class CaseClockTest {

  private static final ZoneId COURT = ZoneId.of("Asia/Shanghai");

  @Autowired CaseClock clock;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired StatementCounter sql;

  @TestConfiguration
  static class Counting {
    @Bean
    static StatementCounter statementCounter() {
      return new StatementCounter();
    }
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  private static void today(String day) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(day + "T10:00").atZone(COURT).toInstant()));
  }

  private static LocalDate d(String day) {
    return LocalDate.parse(day);
  }

  /** Filed Mon 2 Mar 2026: 6 months end Wed 2 Sep 2026. */
  private String fileCase(String caseNumber) {
    clock.register(caseNumber, d("2026-03-02"), false);
    return caseNumber;
  }

  /** A case filed as above and allocated to ordinary-team-1 (zhouyuan's), at the team's hub. */
  private String allocatedCase(String caseNumber) {
    fileCase(caseNumber);
    runtime.createProcessInstanceByKey(CaseVariables.PROCESS_KEY).businessKey(caseNumber)
        .setVariable(CaseVariables.CASE_NUMBER, caseNumber).setVariable(CaseVariables.FILING_DATE, "2026-03-02")
        .setVariable(CaseVariables.HANDLING_TEAM, "ordinary-team-1")
        .startBeforeActivity("Task_ChooseNextMeasure").execute();
    return caseNumber;
  }

  private String requestExtension(String caseNumber, int months) {
    identity.setAuthenticatedUserId("zhouyuan");
    return runtime.startProcessInstanceByKey("time-limit-extension", caseNumber,
        Map.of("caseNumber", caseNumber, "requestedMonths", (long) months, "reason", "拍卖程序尚未完成")).getId();
  }

  /** By the approver, not the requester: engine code without a user, as approvals are tested elsewhere. */
  private void complete(String instance, String taskKey, String variable, String value) {
    identity.clearAuthentication();
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult().getId(),
        Variables.putValue(variable, value));
  }

  @Test
  void pauseAndResumeAcrossAnAuctionMoveTheDeadline() {
    String c = fileCase("（2026）豫0000执101号");
    today("2026-03-10");
    assertThat(clock.deadline(c)).isEqualTo(d("2026-09-02"));
    clock.pause(c, PauseReason.AUCTION, d("2026-04-01"), null, "处置财产并登记结果");
    today("2026-04-11");
    // 10 days paused so far: Sat 12 Sep, so Mon 14 Sep
    assertThat(clock.deadline(c)).as("still paused").isEqualTo(d("2026-09-14"));
    clock.resume(c, PauseReason.AUCTION, d("2026-05-01"), "处置财产并登记结果");
    today("2026-06-01");
    // 30 days later: 2 Oct falls in the National Day holiday, so Thu 8 Oct
    assertThat(clock.deadline(c)).isEqualTo(d("2026-10-08"));
  }

  @Test
  void twoPausesOfDifferentKindsMoveTheDeadlineByExactlyThePausedDays() {
    String c = fileCase("（2026）豫0000执106号");
    // service by public notice issued 5 Mar: deemed served 30 days later, the clock counts again on 4 Apr
    clock.pause(c, PauseReason.PUBLIC_NOTICE, d("2026-03-05"), d("2026-04-04"), "登记案件并送达文书");
    clock.pause(c, PauseReason.APPRAISAL, d("2026-05-11"), null, "记录执行措施");
    today("2026-05-21");
    assertThat(clock.term(c).pausedDays(d("2026-05-21"))).as("30 + 10 days, the appraisal still running").isEqualTo(40);
    clock.resume(c, PauseReason.APPRAISAL, d("2026-06-01"), "记录执行措施");
    today("2026-07-01");
    LocalDate deadline = clock.deadline(c);
    assertThat(ChronoUnit.DAYS.between(d("2026-09-02"), deadline)).as("30 + 21 paused days").isEqualTo(51);
    assertThat(deadline).isEqualTo(d("2026-10-23"));

    // a suspension from 20 May to 8 Jun overlaps the appraisal: only its 7 days after 1 Jun count
    clock.pause(c, PauseReason.SUSPENSION, d("2026-05-20"), null, "记录执行措施");
    clock.resume(c, PauseReason.SUSPENSION, d("2026-06-08"), "记录执行措施");
    assertThat(ChronoUnit.DAYS.between(d("2026-09-02"), clock.deadline(c))).isEqualTo(58);
    assertThat(clock.state(c).pauses()).extracting(p -> p.reason().label() + " " + p.start() + " " + p.end())
        .containsExactly("公告 2026-03-05 2026-04-04", "鉴定 2026-05-11 2026-06-01", "中止执行 2026-05-20 2026-06-08");
  }

  @Test
  void aPauseNeverOverlapsItself() {
    String c = fileCase("（2026）豫0000执107号");
    clock.pause(c, PauseReason.SUSPENSION, d("2026-04-01"), null, "记录执行措施");
    assertThatThrownBy(() -> clock.pause(c, PauseReason.SUSPENSION, d("2026-04-10"), null, "记录执行措施"))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("已登记「中止执行」2026-04-01 起（进行中）").hasMessageContaining("不能重复登记");
    clock.resume(c, PauseReason.SUSPENSION, d("2026-05-01"), "记录执行措施");
    assertThatThrownBy(() -> clock.pause(c, PauseReason.SUSPENSION, d("2026-03-20"), null, "记录执行措施"))
        .as("a later start cannot reach back into a recorded period").hasMessageContaining("2026-04-01 起，2026-05-01 恢复计算（30 日）");
    clock.pause(c, PauseReason.PUBLIC_NOTICE, d("2026-04-10"), d("2026-05-10"), "记录执行措施");
    assertThatThrownBy(() -> clock.pause(c, PauseReason.PUBLIC_NOTICE, d("2026-05-09"), d("2026-06-08"), "记录执行措施"))
        .hasMessageContaining("「公告」2026-04-10 起，2026-05-10 恢复计算（30 日）");
    // once ended, a period of the same kind may follow
    clock.pause(c, PauseReason.SUSPENSION, d("2026-05-01"), null, "记录执行措施");
    clock.pause(c, PauseReason.PUBLIC_NOTICE, d("2026-05-10"), d("2026-06-09"), "记录执行措施");

    assertThatThrownBy(() -> clock.resume(c, PauseReason.DEFERRAL, d("2026-05-20"), "记录执行措施"))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("没有进行中的「暂缓执行」期间");
    assertThatThrownBy(() -> clock.resume(c, PauseReason.SUSPENSION, d("2026-04-30"), "记录执行措施"))
        .hasMessageContaining("不能早于开始日期");
    assertThatThrownBy(() -> clock.pause(c, PauseReason.DEFERRAL, d("2026-02-27"), null, "记录执行措施"))
        .hasMessageContaining("早于立案日期 2026-03-02");
  }

  @Test
  void theDeadlineIsOneStatement() {
    String c = fileCase("（2026）豫0000执108号");
    clock.pause(c, PauseReason.PUBLIC_NOTICE, d("2026-03-05"), d("2026-04-04"), "登记案件并送达文书");
    clock.pause(c, PauseReason.AUCTION, d("2026-05-11"), null, "处置财产并登记结果");
    clock.extend(c, 1, null);
    today("2026-05-21");
    sql.reset();
    // 7 months from filing, 30 + 10 paused days
    assertThat(clock.deadline(c)).isEqualTo(d("2026-11-11"));
    assertThat(sql.statements()).isOne();
    assertThatThrownBy(() -> clock.deadline("（2026）豫0000执999号")).isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("尚未登记执行期限");
  }

  @Test
  void aTaskFormBeginsAndEndsAPeriodAndTheCaseShowsIt() {
    repository.createDeployment().addModelInstance("clock-steps.bpmn", Bpmn.createExecutableProcess("clock-steps")
        .camundaHistoryTimeToLive(1).startEvent()
        .serviceTask("register").camundaExpression("${caseClock.register(execution)}")
        .userTask("suspend").name("裁定中止执行").userTask("resume").name("恢复执行").endEvent().done()).deploy();
    today("2026-04-10");
    String caseNumber = "（2026）豫0000执109号";
    String instance = runtime.startProcessInstanceByKey("clock-steps", caseNumber, Map.of("filingDate", "2026-03-02")).getId();
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(),
        Map.of(CasePauseSteps.PAUSE, "suspension-start", CasePauseSteps.PAUSE_DATE, "2026-04-01"));
    assertThat(runtime.getVariables(instance)).as("the fields are cleared for the next form")
        .doesNotContainKeys(CasePauseSteps.PAUSE, CasePauseSteps.PAUSE_DATE);
    assertThat((String) runtime.getVariable(instance, CaseClock.TERM_VARIABLE))
        .contains("执行期限至 2026-09-11", "已扣除 9 日", "「中止执行」2026-04-01 起（进行中）（裁定中止执行）");

    today("2026-05-06");
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(),
        Map.of(CasePauseSteps.PAUSE, "suspension-end", CasePauseSteps.PAUSE_DATE, "2026-05-06"));
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName(CaseClock.TERM_VARIABLE).singleResult().getValue().toString())
        .contains("执行期限至 2026-10-08", "已扣除 35 日", "「中止执行」2026-04-01 起，2026-05-06 恢复计算（35 日）（裁定中止执行 / 恢复执行）");
  }

  @Test
  void anApprovedExtensionMovesTheDeadline() {
    String c = allocatedCase("（2026）豫0000执102号");
    today("2026-08-20");
    String instance = requestExtension(c, 2);
    assertThat(runtime.getVariable(instance, "currentDeadline")).isEqualTo("2026-09-02");
    complete(instance, "Task_ApproveExtension", "presidentDecision", "approve");

    assertThat(clock.deadline(c)).isEqualTo(d("2026-11-02"));
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("newDeadline")
        .singleResult().getValue()).isEqualTo("2026-11-02");
    assertThat(jdbc.queryForList("select title from court_notification where recipient = 'zhouyuan' and case_number = ?",
        String.class, c)).containsExactly("延长执行期限已批准");
    // the president extends once: another request is a further extension, reported to the higher court
    assertThat(runtime.getVariable(requestExtension(c, 2), "furtherExtension")).isEqualTo(true);
  }

  @Test
  void aRefusedExtensionLeavesTheDeadline() {
    String c = allocatedCase("（2026）豫0000执103号");
    today("2026-08-20");
    String instance = requestExtension(c, 3);
    complete(instance, "Task_ApproveExtension", "presidentDecision", "refuse");
    assertThat(clock.deadline(c)).isEqualTo(d("2026-09-02"));
    assertThat(jdbc.queryForList("select title from court_notification where recipient = 'zhouyuan' and case_number = ?",
        String.class, c)).containsExactly("延长执行期限未获批准");

    String second = requestExtension(c, 1);
    complete(second, "Task_ApproveExtension", "presidentDecision", "refuse");
    assertThat(tasks.createTaskQuery().processInstanceId(second).count()).isZero();
    assertThat(clock.deadline(c)).isEqualTo(d("2026-09-02"));
  }

  @Test
  void aRequestLaterThanFiveDaysBeforeExpiryIsRefusedAtStart() {
    String c = allocatedCase("（2026）豫0000执104号");
    today("2026-08-28");
    requestExtension(c, 1);
    today("2026-08-29");
    long before = history.createHistoricProcessInstanceQuery().processDefinitionKey("time-limit-extension")
        .processInstanceBusinessKey(c).count();
    assertThatThrownBy(() -> requestExtension(c, 1)).isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("2026-09-02 届满").hasMessageContaining("届满 5 日前").hasMessageContaining("2026-08-28");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("time-limit-extension")
        .processInstanceBusinessKey(c).count()).isEqualTo(before);
  }
}
