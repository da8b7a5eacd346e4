package cn.court.enforcement.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The escalation ladder on a small process ({@code escalation-test.bpmn}): "发出执行通知书"
 * (execution-notice, 3 days) created Wed 11 Feb 2026 is due at the end of Sat 14 Feb, a
 * make-up working day; the Spring Festival follows.
 */
@TimeLimitsSpringTest
class EscalationLadderTest {

  private static final ZoneId COURT = ZoneId.of("Asia/Shanghai");

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  @BeforeEach
  void deploy() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("escalation-test").count() == 0) {
      repository.createDeployment().addClasspathResource("escalation-test.bpmn").deploy();
    }
    SweepTestSupport.startClean(runtime, jdbc);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Date at(String dateTime) {
    return Date.from(LocalDateTime.parse(dateTime).atZone(COURT).toInstant());
  }

  private String startCase(String caseNumber) {
    ClockUtil.setCurrentTime(at("2026-02-11T10:00"));
    return runtime.startProcessInstanceByKey("escalation-test", caseNumber).getId();
  }

  /** Runs the escalation sweep at {@code dateTime}. */
  private void checkAt(String dateTime) {
    SweepTestSupport.sweepAt(management, at(dateTime));
  }

  private Task serveNotice(String instance) {
    return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_ServeNotice").singleResult();
  }

  private List<Map<String, Object>> notifications() {
    return jdbc.queryForList("select recipient, kind, title, body from court_notification order by id");
  }

  private int overdueRows() {
    return jdbc.queryForObject("select count(*) from court_node_deadline where overdue_at is not null", Integer.class);
  }

  @Test
  void reminderOverdueAndBadlyOverdueFireOnceAtTheirTime() throws Exception {
    String instance = startCase("（2026）豫0000执1号");
    Task task = serveNotice(instance);
    assertThat(task.getDueDate()).isEqualTo(at("2026-02-14T23:59:59"));
    tasks.claim(task.getId(), "dingyi");

    checkAt("2026-02-12T08:00");
    assertThat(notifications()).isEmpty();

    checkAt("2026-02-13T08:00");
    checkAt("2026-02-14T08:00");
    assertThat(notifications()).singleElement().satisfies(n -> {
      assertThat(n).containsEntry("RECIPIENT", "dingyi").containsEntry("KIND", "REMINDER");
      assertThat((String) n.get("BODY")).contains("（2026）豫0000执1号", "发出执行通知书", "2026-02-14 23:59");
    });
    assertThat(overdueRows()).isZero();

    checkAt("2026-02-15T08:00");
    checkAt("2026-02-27T08:00");
    assertThat(notifications()).extracting(n -> n.get("RECIPIENT") + "/" + n.get("KIND"))
        .containsExactly("dingyi/REMINDER", "yangguoping/OVERDUE");
    assertThat(overdueRows()).isOne();

    // five working days after 14 Feb end with the make-up Saturday 28 Feb
    checkAt("2026-02-28T08:00");
    assertThat(notifications()).hasSize(2);
    checkAt("2026-03-01T08:00");
    checkAt("2026-03-02T08:00");
    assertThat(notifications()).extracting(n -> n.get("RECIPIENT") + "/" + n.get("KIND"))
        .containsExactlyInAnyOrder("dingyi/REMINDER", "yangguoping/OVERDUE", "juzhang/BADLY_OVERDUE",
            "chenyanling/BADLY_OVERDUE");

    ClockUtil.setCurrentTime(at("2026-03-03T09:00"));
    tasks.complete(task.getId());
    assertThat(jdbc.queryForObject("select ended_at from court_node_deadline where task_id = ?", Date.class,
        task.getId())).hasSameTimeAs(at("2026-03-03T09:00"));

    mvc.perform(get("/api/reports/overdue-nodes").param("from", "2026-02-01").param("to", "2026-03-31")
            .header("Authorization", basic("juzhang")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.byUnit[0].unit").value("documents"))
        .andExpect(jsonPath("$.byPerson[0].personName").value("丁一"))
        .andExpect(jsonPath("$.nodes[0].workingDaysLate").value(7))
        .andExpect(jsonPath("$.nodes[0].open").value(false));
    byte[] csv = mvc.perform(get("/api/reports/overdue-nodes.csv").param("from", "2026-02-01").param("to", "2026-03-31")
            .header("Authorization", basic("wanghui")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF单位/团队,承办人,案号").contains("法律文书制作送达,丁一,（2026）豫0000执1号,发出执行通知书");
    mvc.perform(get("/api/reports/overdue-nodes").header("Authorization", basic("dingyi")))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.message").value(containsString("超期节点统计表")));
    assertThat(mvc.perform(get("/api/reports/overdue-nodes").param("from", "2026-03-04").param("to", "2026-03-31")
        .header("Authorization", basic("juzhang"))).andReturn().getResponse().getContentAsString())
        .as("ended before the period").contains("\"total\":0");
  }

  @Test
  void aNodeDoneInTimeRecordsNothing() {
    String instance = startCase("（2026）豫0000执2号");
    ClockUtil.setCurrentTime(at("2026-02-12T15:00"));
    tasks.complete(serveNotice(instance).getId());
    checkAt("2026-02-13T08:00");
    checkAt("2026-02-16T08:00");
    checkAt("2026-03-02T08:00");
    assertThat(notifications()).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from court_node_deadline", Integer.class)).isZero();
  }

  @Test
  void staffSeeAndReadTheirOwnNotifications() throws Exception {
    String instance = startCase("（2026）豫0000执3号");
    checkAt("2026-02-13T08:00");
    // not claimed: every member of documents is reminded
    assertThat(notifications()).extracting(n -> n.get("RECIPIENT"))
        .contains("dingyi", "yangguoping", "chengxinfeng", "zhengyaoxuan");
    long id = jdbc.queryForObject("select id from court_notification where recipient = 'dingyi'", Long.class);

    mvc.perform(get("/api/notifications").param("unread", "true").header("Authorization", basic("dingyi")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].title").value("节点即将到期：发出执行通知书"));
    mvc.perform(post("/api/notifications/{id}/read", id).header("Authorization", basic("wanghui")))
        .andExpect(status().isNotFound());
    mvc.perform(post("/api/notifications/{id}/read", id).header("Authorization", basic("dingyi")))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/notifications").param("unread", "true").header("Authorization", basic("dingyi")))
        .andExpect(jsonPath("$.length()").value(0));
    mvc.perform(get("/api/notifications")).andExpect(status().isUnauthorized());
  }

  @Test
  void theWeeklyReportIsFiledForTheArchiveCentre() throws Exception {
    Job weekly = management.createJobQuery().processDefinitionKey("overdue-report").timers().singleResult();
    assertThat(weekly).as("timer start of overdue-report").isNotNull();
    ClockUtil.setCurrentTime(at("2026-03-02T08:00"));
    management.executeJob(weekly.getId());
    assertThat(jdbc.queryForObject("select count(*) from court_overdue_report where period_from = ? and period_to = ?",
        Integer.class, java.sql.Date.valueOf("2026-02-23"), java.sql.Date.valueOf("2026-03-01"))).isOne();
    assertThat(notifications()).extracting(n -> n.get("KIND")).contains("OVERDUE_REPORT");
    mvc.perform(get("/api/reports/overdue-nodes/archive").header("Authorization", basic("lilinxia")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/reports/overdue-nodes/archive").header("Authorization", basic("chenyanling")))
        .andExpect(status().isOk()).andExpect(jsonPath("$[0].from").value("2026-02-23"));
    long id = jdbc.queryForObject("select max(id) from court_overdue_report", Long.class);
    assertThat(mvc.perform(get("/api/reports/overdue-nodes/archive/{id}.csv", id)
            .header("Authorization", basic("chenyanling")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
        .startsWith("\uFEFF单位/团队");
  }

  @Test
  void aDiagramNamingAnUnknownLimitIsNotDeployed() throws Exception {
    String xml;
    try (var in = getClass().getResourceAsStream("/escalation-test.bpmn")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("value=\"execution-notice\"", "value=\"execution-notise\"")
          .replace("id=\"escalation-test\"", "id=\"escalation-test-misspelt\"");
    }
    String diagram = xml;
    assertThatThrownBy(
            () -> repository.createDeployment().addString("misspelt.bpmn", diagram).deploy())
        .hasMessageContaining("execution-notise");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("escalation-test-misspelt").count()).isZero();
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }
}
