package cn.court.enforcement.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One sweep for the tasks of every process. Three real processes started Mon 2 Mar 2026 (no
 * holiday in March): 同步生成电子卷宗 (dossier, 1 working day → due Tue 3 Mar), 核对到账案款
 * (case-funds, 2 → Wed 4 Mar), 审查终本条件 (termination-review, 5 → Mon 9 Mar). The sweep runs
 * twice at 00:05 and at 12:00 every day until 18 Mar, once through its timer job and once more
 * straight away.
 */
@TimeLimitsSpringTest
class EscalationSweepTest {

  private static final ZoneId COURT = ZoneId.of("Asia/Shanghai");
  private static final String CASE = "（2026）豫0000执7001号";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired EscalationSweep sweep;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void clean() {
    SweepTestSupport.startClean(runtime, jdbc);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Date at(LocalDate day, LocalTime time) {
    return Date.from(LocalDateTime.of(day, time).atZone(COURT).toInstant());
  }

  private Task startAndClaim(String process, String assignee) {
    String instance = "case-funds".equals(process) ? SweepTestSupport.moneyArrived(runtime, CASE)
        : runtime.startProcessInstanceByKey(process, CASE).getId();
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    tasks.claim(task.getId(), assignee);
    return task;
  }

  @Test
  void eachStageReachesItsPeopleOnceOnItsDayAcrossThreeProcesses() {
    LocalDate monday = LocalDate.of(2026, 3, 2);
    ClockUtil.setCurrentTime(at(monday, LocalTime.of(10, 0)));
    Task dossier = startAndClaim("dossier", "liyangyang");
    Task funds = startAndClaim("case-funds", "heqi");
    Task termination = startAndClaim("termination-review", "xielixuan");
    assertThat(List.of(dossier, funds, termination)).extracting(Task::getDueDate).containsExactly(
        at(LocalDate.of(2026, 3, 3), LocalTime.of(23, 59, 59)), at(LocalDate.of(2026, 3, 4), LocalTime.of(23, 59, 59)),
        at(LocalDate.of(2026, 3, 9), LocalTime.of(23, 59, 59)));

    for (LocalDate day = monday; !day.isAfter(LocalDate.of(2026, 3, 18)); day = day.plusDays(1)) {
      for (LocalTime time : List.of(LocalTime.of(0, 5), LocalTime.of(12, 0))) {
        if (day.equals(monday) && time.getHour() == 0) {
          continue;
        }
        SweepTestSupport.sweepAt(management, at(day, time));
        int told = count();
        assertThat(sweep.sweep().stagesSent()).as("second sweep at %s %s", day, time).isZero();
        assertThat(count()).isEqualTo(told);
      }
    }

    // each stage once, on the first sweep of its day (the stage's time is when it was claimed)
    assertThat(jdbc.queryForList("select task_id, reminded_at, overdue_at, badly_overdue_at from court_node_deadline"))
        .hasSize(3);
    assertThat(firstTold(dossier)).containsExactly("REMINDER 2026-03-02 12:00 [liyangyang]",
        "OVERDUE 2026-03-04 00:05 [chenyanling]", "BADLY_OVERDUE 2026-03-11 00:05 [chenyanling, juzhang]");
    assertThat(firstTold(funds)).containsExactly("REMINDER 2026-03-03 00:05 [heqi]",
        "OVERDUE 2026-03-05 00:05 [heqi]", "BADLY_OVERDUE 2026-03-12 00:05 [chenyanling, juzhang]");
    assertThat(firstTold(termination)).containsExactly("REMINDER 2026-03-06 00:05 [xielixuan]",
        "OVERDUE 2026-03-10 00:05 [chenyanling]", "BADLY_OVERDUE 2026-03-17 00:05 [chenyanling, juzhang]");
    assertThat(jdbc.queryForObject("select count(*) from court_node_deadline where overdue_at is not null "
        + "and process_definition_key in ('dossier', 'case-funds', 'termination-review') and case_number = ?",
        Integer.class, CASE)).isEqualTo(3);
  }

  @Test
  void theSweepRunsEveryQuarterOfAnHourByDefault() {
    SweepTestSupport.sweepAt(management, at(LocalDate.of(2026, 3, 2), LocalTime.of(10, 7)));
    assertThat(management.createJobQuery().processDefinitionKey("escalation-sweep").timers().singleResult().getDuedate())
        .isEqualTo(at(LocalDate.of(2026, 3, 2), LocalTime.of(10, 15)));
  }

  /** The task's notifications as "KIND time [recipients]", in the order sent. */
  private List<String> firstTold(Task task) {
    return jdbc.queryForList("select kind, min(created_at) as sent, count(*) as n, "
            + "listagg(recipient, ', ') within group (order by recipient) as recipients "
            + "from court_notification where task_id = ? group by kind order by min(id)", task.getId()).stream()
        .map(this::describe).toList();
  }

  private String describe(Map<String, Object> row) {
    LocalDateTime sent = ((java.sql.Timestamp) row.get("SENT")).toInstant().atZone(COURT).toLocalDateTime();
    return row.get("KIND") + " " + sent.toLocalDate() + " " + sent.toLocalTime() + " [" + row.get("RECIPIENTS") + "]";
  }

  private int count() {
    return jdbc.queryForObject("select count(*) from court_notification", Integer.class);
  }
}
