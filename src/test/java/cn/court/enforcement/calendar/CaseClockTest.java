package cn.court.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.calendar.CaseTerm.PauseReason;
import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.escalation.TimeLimitsSpringTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import org.camunda.bpm.engine.BadUserRequestException;
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
    clock.pause(c, PauseReason.AUCTION, d("2026-04-01"));
    today("2026-04-11");
    assertThat(clock.deadline(c)).as("still paused").isEqualTo(d("2026-09-14"));
    assertThatThrownBy(() -> clock.pause(c, PauseReason.APPRAISAL, d("2026-04-11")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("暂停中");
    clock.resume(c, d("2026-05-01"));
    today("2026-06-01");
    // 30 days later: 2 Oct falls in the National Day holiday, so Thu 8 Oct
    assertThat(clock.deadline(c)).isEqualTo(d("2026-10-08"));
  }

  @Test
  void diagramsDriveTheClockByExpressions() {
    repository.createDeployment().addModelInstance("clock-expressions.bpmn", Bpmn.createExecutableProcess("clock-expressions")
        .camundaHistoryTimeToLive(1).startEvent()
        .serviceTask("register").camundaExpression("${caseClock.register(execution)}")
        .serviceTask("pause").camundaExpression("${caseClock.pause(execution, 'PUBLIC_NOTICE')}")
        .userTask("notice")
        .serviceTask("resume").camundaExpression("${caseClock.resume(execution)}")
        .endEvent().done()).deploy();
    today("2026-03-10");
    String instance = runtime.startProcessInstanceByKey("clock-expressions", "（2026）豫0000执105号",
        Map.of("filingDate", "2026-03-02", "nonLitigation", true)).getId();
    today("2026-03-20");
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
    // 3 months (non-litigation) + 10 paused days: Fri 12 Jun
    assertThat(clock.deadline("（2026）豫0000执105号")).isEqualTo(d("2026-06-12"));
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
