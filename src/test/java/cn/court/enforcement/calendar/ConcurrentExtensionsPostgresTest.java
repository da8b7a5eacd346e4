package cn.court.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.FilingValidator;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.support.FormExample;
import cn.court.enforcement.support.PostgresDatabase;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Extensions of the case term on PostgreSQL: two requests open at once, approved at the same
 * time, extend the case once — the second approval waits for the first's commit on the case's
 * clock row, sees the extension and is refused with the reason (the president extends once,
 * 《最高人民法院关于严格执行案件审理期限制度的若干规定》第五条). Only the case's team asks, only while the
 * case is open. In a database created for this run; fails, never skips, without the server.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=" + ConcurrentExtensionsPostgresTest.URL,
    "spring.datasource.username=postgres",
    "camunda.bpm.job-execution.enabled=false"})
class ConcurrentExtensionsPostgresTest {

  static final String DATABASE = "enforcement_extensions";
  static final String URL = PostgresDatabase.SERVER + DATABASE;
  private static final ZoneId COURT = ZoneId.of("Asia/Shanghai");
  private static final String TEAM = "ordinary-team-1";
  private static final String MEMBER = "zhouyuan";

  static {
    PostgresDatabase.recreate(DATABASE);
  }

  @Autowired CaseClock clock;
  @Autowired CaseRegistry registry;
  @Autowired FilingValidator filings;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @BeforeEach
  void inTheCaseTerm() {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-08-20T10:00").atZone(COURT).toInstant()));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  /** Filed Mon 2 Mar 2026 (term ends Wed 2 Sep), standing before {@code activity} of the team. */
  private String caseAt(String caseNumber, String activity, Map<String, Object> variables) {
    clock.register(caseNumber, LocalDate.parse("2026-03-02"), false);
    String instance = runtime.createProcessInstanceByKey(CaseVariables.PROCESS_KEY).businessKey(caseNumber)
        .setVariable(CaseVariables.CASE_NUMBER, caseNumber).setVariable(CaseVariables.FILING_DATE, "2026-03-02")
        .setVariable(CaseVariables.HANDLING_TEAM, TEAM).setVariables(variables)
        .startBeforeActivity(activity).execute().getId();
    registry.register(filings.validate(FormExample.of("case-filing").valid(caseNumber)::get), instance);
    return caseNumber;
  }

  private String request(String user, List<String> groups, String caseNumber, int months) {
    identity.setAuthentication(user, groups);
    try {
      return runtime.startProcessInstanceByKey("time-limit-extension", caseNumber,
          Map.of("caseNumber", caseNumber, "requestedMonths", (long) months, "reason", "拍卖程序尚未完成")).getId();
    } finally {
      identity.clearAuthentication();
    }
  }

  private void approve(String extension) {
    tasks.complete(tasks.createTaskQuery().processInstanceId(extension).singleResult().getId(),
        Map.of("presidentDecision", "approve"));
  }

  @Test
  void twoRequestsApprovedAtOnceExtendTheCaseOnceAndTheSecondIsRefusedWithItsReason() throws Exception {
    String caseNumber = caseAt("（2026）豫0000执8301号", "Task_ChooseNextMeasure", Map.of());
    String first = request(MEMBER, List.of(TEAM), caseNumber, 2);
    String second = request(MEMBER, List.of(TEAM), caseNumber, 1);
    assertThat(runtime.getVariable(second, CheckExtensionRequest.FURTHER_EXTENSION))
        .as("both asked before either was applied").isEqualTo(false);

    CountDownLatch applied = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    CompletableFuture<Void> firstApproval = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
        .executeWithoutResult(status -> {
          approve(first);
          applied.countDown(); // extended, the clock row locked, not yet committed
          await(commit);
        }));
    assertThat(applied.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> secondApproval = CompletableFuture.runAsync(() -> approve(second));
    Thread.sleep(1500);
    assertThat(secondApproval).as("the second approval waits for the first to commit").isNotDone();
    commit.countDown();
    firstApproval.get(30, TimeUnit.SECONDS);
    secondApproval.get(30, TimeUnit.SECONDS);

    assertThat(clock.term(caseNumber).extensionMonths()).isEqualTo(2);
    assertThat(clock.deadline(caseNumber)).isEqualTo(LocalDate.parse("2026-11-02"));
    assertThat(variable(first, "newDeadline")).isEqualTo("2026-11-02");
    assertThat(variable(second, "newDeadline")).isNull();
    assertThat((String) variable(second, "extensionRefusal")).contains("已由另一申请延长 2 个月", "层报高级人民法院备案");
    assertThat(jdbc.queryForList("select title || '：' || body from court_notification where recipient = ? "
        + "and case_number = ? order by id", String.class, MEMBER, caseNumber)).containsExactly(
        "延长执行期限已批准：案件 " + caseNumber + " 的执行期限已延长至 2026-11-02。",
        "延长执行期限未获批准：" + variable(second, "extensionRefusal"));

    // Asked again, it is a further extension: reported to the higher court, recorded as such.
    String further = request(MEMBER, List.of(TEAM), caseNumber, 1);
    assertThat(runtime.getVariable(further, CheckExtensionRequest.FURTHER_EXTENSION)).isEqualTo(true);
    approve(further);
    assertThat(tasks.createTaskQuery().processInstanceId(further).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_ReportToHigherCourt");
    assertThat(clock.term(caseNumber).extensionMonths()).as("not before the report").isEqualTo(2);
    tasks.complete(tasks.createTaskQuery().processInstanceId(further).singleResult().getId(),
        Map.of("reportNumber", "（2026）豫0000执延备1号", "reportedOn", "2026-08-20"));
    assertThat(clock.deadline(caseNumber)).isEqualTo(LocalDate.parse("2026-12-02"));
    assertThat(jdbc.queryForList("select summary from case_measure where case_number = ? and measure = ?", String.class,
        caseNumber, ExtendCaseDeadline.REPORTED_MEASURE))
        .containsExactly("再次延长执行期限 1 个月（至 2026-12-02），已层报高级人民法院备案，报告文号 （2026）豫0000执延备1号");
  }

  @Test
  void aTeamOutsideTheCaseIsRefused() {
    String caseNumber = caseAt("（2026）豫0000执8302号", "Task_ChooseNextMeasure", Map.of());
    assertThatThrownBy(() -> request("chenlei", List.of("ordinary-team-2"), caseNumber, 2))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("只有案件 " + caseNumber + " 的承办团队（普执一团队）可以申请延长执行期限。");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("time-limit-extension")
        .processInstanceBusinessKey(caseNumber).count()).isZero();
  }

  @Test
  void aClosedCaseIsRefused() {
    String caseNumber = caseAt("（2026）豫0000执8303号", "Task_RegisterClosure", Map.of("closureKind", "fully-performed"));
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_RegisterClosure")
        .singleResult().getId(), Map.of("closedDate", "2026-08-20", "closureRemarks", "执行完毕"));
    assertThatThrownBy(() -> request(MEMBER, List.of(TEAM), caseNumber, 2))
        .isInstanceOf(InvalidCaseDataException.class).hasMessage("案件 " + caseNumber + " 已结案，不能申请延长执行期限。");
  }

  private Object variable(String instance, String name) {
    var found = history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name).singleResult();
    return found == null ? null : found.getValue();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
