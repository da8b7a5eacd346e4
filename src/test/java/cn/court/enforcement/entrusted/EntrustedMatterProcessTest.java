package cn.court.enforcement.entrusted;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A request of another court through entrusted-matter.bpmn (issue 15 §3): done in time, late with the
 * status letter to the entrusting court, refused; the term from receipt or the entrusting court's own
 * date. A team's offline request through the same process is the case's test
 * (casefile/CaseOfflineRequestProcessTest).
 */
@Deployment(resources = {"processes/entrusted-matter.bpmn", "forms/entrusted-request.form",
    "forms/entrusted-review.form", "forms/entrusted-handle.form", "forms/entrusted-status-letter.form",
    "forms/entrusted-reply.form", "forms/offline-request.form"})
class EntrustedMatterProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml").build();

  static final JdbcTemplate JDBC = migrated();
  private static final AtomicInteger NUMBERS = new AtomicInteger(100);
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private EntrustedBeans beans;
  private String caseNumber;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    beans = new EntrustedBeans(JDBC).register(new CaseRegistry(JDBC));
    caseNumber = "（2026）京0105执" + NUMBERS.incrementAndGet() + "号";
    at(LocalDateTime.of(2026, 6, 1, 9, 0));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    Mocks.reset();
  }

  @Test
  void doneInTimeAndAnswered() {
    ProcessInstance matter = receive("2026-06-01", null);
    assertThat(matter).hasBusinessKey(caseNumber).isWaitingAt("Task_ReviewEntrustedRequest")
        .task().hasCandidateGroup("intensive-affairs");
    assertThat(matter).variables().containsEntry("matterSource", "court")
        .containsEntry("matterSummary", """
            委托法院：北京市朝阳区人民法院，案号 %s
            委托事项：查封、冻结、扣划财产｜查封被执行人名下位于郑州市金水区的住宅一套
            随函材料：委托执行函、民事判决书、协助执行通知书
            2026-06-01 收到，应于 2026-07-01 前办结（收到委托后三十日）""".formatted(caseNumber));

    complete(task(matter), Map.of("requestDecision", "accept"));
    assertThat(matter).isWaitingAt("Task_HandleEntrustedMatter").task().hasCandidateGroup("intensive-affairs")
        .hasDueDate(endOf(LocalDate.of(2026, 7, 1)));
    Assertions.assertThat(job(matter).getDuedate()).as("the status letter's timer").isEqualTo(endOf(LocalDate.of(2026, 7, 1)));
    Assertions.assertThat(row(matter).status()).isEqualTo("accepted");

    at(LocalDateTime.of(2026, 6, 20, 10, 0));
    complete(task(matter), Map.of("matterOutcome", "done", "matterDoneOn", "2026-06-19",
        "matterResult", "已查封金水区住宅一套，查封期限三年"));
    assertThat(matter).isWaitingAt("Task_ReplyToEntrustingCourt").variables()
        .containsEntry("matterResultText", "已办结（2026-06-19）：已查封金水区住宅一套，查封期限三年");
    Assertions.assertThat(jobs(matter)).as("no letter once done").isZero();

    complete(task(matter), Map.of("replyNumber", "（2026）豫0105执函12号", "repliedOn", "2026-06-20"));
    assertThat(matter).isEnded().hasPassed("EndEvent_MatterAnswered").hasNotPassed("Task_SendStatusLetter");
    EntrustedMatters.Matter row = row(matter);
    Assertions.assertThat(row.status()).isEqualTo("done");
    Assertions.assertThat(row.outcome()).isEqualTo("done");
    Assertions.assertThat(row.doneOn()).isEqualTo(LocalDate.of(2026, 6, 19));
    Assertions.assertThat(row.repliedOn()).isEqualTo(LocalDate.of(2026, 6, 20));
    Assertions.assertThat(row.statusLetterOn()).isNull();
  }

  @Test
  void lateWithTheStatusLetterWhileTheWorkGoesOn() {
    ProcessInstance matter = receive("2026-06-01", null);
    complete(task(matter), Map.of("requestDecision", "accept"));

    at(LocalDateTime.of(2026, 7, 2, 0, 5));
    execute(job(matter));
    assertThat(matter).isWaitingAt("Task_HandleEntrustedMatter", "Task_SendStatusLetter");
    Assertions.assertThat(taskQuery().taskDefinitionKey("Task_SendStatusLetter").singleResult())
        .satisfies(letter -> assertThat(letter).hasCandidateGroup("intensive-affairs"));

    at(LocalDateTime.of(2026, 7, 10, 9, 0));
    complete(taskQuery().taskDefinitionKey("Task_SendStatusLetter").singleResult(), Map.of(
        "statusLetterNumber", "（2026）豫0105执函15号", "statusLetterOn", "2026-07-10",
        "statusLetterText", "已向不动产登记中心送达协助执行通知书，尚待办理查封登记"));
    assertThat(matter).isWaitingAt("Task_HandleEntrustedMatter").hasPassed("EndEvent_StatusLetterSent");
    Assertions.assertThat(row(matter).statusLetterOn()).isEqualTo(LocalDate.of(2026, 7, 10));

    complete(taskQuery().taskDefinitionKey("Task_HandleEntrustedMatter").singleResult(), Map.of(
        "matterOutcome", "done", "matterDoneOn", "2026-07-10", "matterResult", "已查封"));
    complete(task(matter), Map.of("replyNumber", "（2026）豫0105执函16号", "repliedOn", "2026-07-10"));
    assertThat(matter).isEnded();
    Assertions.assertThat(row(matter).doneOn()).isAfter(row(matter).dueOn());
  }

  @Test
  void theReplyEndsAStatusLetterNotYetSent() {
    ProcessInstance matter = receive("2026-06-01", null);
    complete(task(matter), Map.of("requestDecision", "accept"));
    at(LocalDateTime.of(2026, 7, 2, 0, 5));
    execute(job(matter));
    complete(taskQuery().taskDefinitionKey("Task_HandleEntrustedMatter").singleResult(), Map.of(
        "matterOutcome", "partly", "matterDoneOn", "2026-07-02", "matterResult", "房产已查封，车辆下落不明"));
    complete(taskQuery().taskDefinitionKey("Task_ReplyToEntrustingCourt").singleResult(), Map.of(
        "replyNumber", "（2026）豫0105执函17号", "repliedOn", "2026-07-02"));
    assertThat(matter).isEnded().hasPassed("EndEvent_MatterAnswered").hasNotPassed("EndEvent_StatusLetterSent");
  }

  @Test
  void theEntrustingCourtsEarlierDateIsTheTerm() {
    ProcessInstance matter = receive("2026-06-01", "2026-06-15");
    assertThat(matter).variables().hasEntrySatisfying("matterSummary",
        summary -> Assertions.assertThat((String) summary).endsWith("应于 2026-06-15 前办结（委托法院要求的日期）"));
    complete(task(matter), Map.of("requestDecision", "accept"));
    assertThat(matter).task().hasDueDate(endOf(LocalDate.of(2026, 6, 15)));
    Assertions.assertThat(job(matter).getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 6, 15)));

    assertThatThrownBy(() -> receive("2026-06-01", "2026-05-31")).isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("委托法院要求完成日期不能早于收到委托日期");
  }

  @Test
  void refusedWithReasonsAndAnswered() {
    ProcessInstance matter = receive("2026-06-01", null);
    assertThatThrownBy(() -> complete(task(matter), Map.of("requestDecision", "refuse")))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("不予受理的理由");

    complete(task(matter), Map.of("requestDecision", "refuse",
        "refusalReason", "被执行人名下房产不在本院辖区，请委托郑州市中原区人民法院办理"));
    assertThat(matter).isWaitingAt("Task_ReplyToEntrustingCourt").hasNotPassed("Task_HandleEntrustedMatter")
        .variables().containsEntry("matterResultText", "不予受理：被执行人名下房产不在本院辖区，请委托郑州市中原区人民法院办理");
    complete(task(matter), Map.of("replyNumber", "（2026）豫0105执函13号", "repliedOn", "2026-06-01"));
    assertThat(matter).isEnded();
    EntrustedMatters.Matter row = row(matter);
    Assertions.assertThat(row.status()).isEqualTo("refused");
    Assertions.assertThat(row.refusalReason()).contains("不在本院辖区");
    Assertions.assertThat(row.repliedOn()).isEqualTo(LocalDate.of(2026, 6, 1));
  }

  @Test
  void workIsNotDoneBeforeItWasReceived() {
    ProcessInstance matter = receive("2026-06-01", null);
    complete(task(matter), Map.of("requestDecision", "accept"));
    assertThatThrownBy(() -> complete(task(matter), Map.of("matterOutcome", "done", "matterDoneOn", "2026-05-30",
        "matterResult", "已查封"))).isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("办理日期不能早于收到委托的日期 2026-06-01");
  }

  private ProcessInstance receive(String receivedOn, String requestedBy) {
    Map<String, Object> form = new HashMap<>(Map.of("caseNumber", caseNumber, "entrustingCourt", "北京市朝阳区人民法院",
        "matterKind", "control", "matter", "查封被执行人名下位于郑州市金水区的住宅一套", "applicantName", "北京某科技有限公司",
        "respondentName", "张三", "documents", "委托执行函、民事判决书、协助执行通知书", "receivedOn", receivedOn));
    if (requestedBy != null) {
      form.put("requestedBy", requestedBy);
    }
    return runtimeService().startProcessInstanceByKey(EntrustedVariables.PROCESS_KEY, form);
  }

  private EntrustedMatters.Matter row(ProcessInstance matter) {
    return beans.matters.matter(matterId(matter));
  }

  /** From history: the instance may have ended. */
  private static long matterId(ProcessInstance matter) {
    return (Long) BpmnAwareTests.historyService().createHistoricVariableInstanceQuery().processInstanceId(matter.getId())
        .variableName(EntrustedVariables.MATTER_ID).singleResult().getValue();
  }

  private static long jobs(ProcessInstance matter) {
    return BpmnAwareTests.managementService().createJobQuery().processInstanceId(matter.getId()).count();
  }

  private static void at(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(ZONE).toInstant()));
  }

  private static Date endOf(LocalDate day) {
    return Date.from(day.atTime(23, 59, 59).atZone(ZONE).toInstant());
  }

  private static JdbcTemplate migrated() {
    DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:entrusted-flow;DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return new JdbcTemplate(dataSource);
  }
}
