package cn.court.enforcement.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.support.PostgresDatabase;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not part of the suite (the name does not end in Test): N open tasks (default
 * 10,000: 100 instances of 100 parallel tasks, unclaimed, group documents) on PostgreSQL, all
 * overdue by a day. Prints how long the sweep takes in pages of 500 when every task must be
 * escalated (first sweep), when all were escalated already (every later sweep of the day), and
 * when none is near its due date.
 *
 * <pre>mvn -B -ntp test -Dtest=EscalationSweepBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.tasks=10000</pre>
 */
@SpringBootTest(properties = {
    "spring.datasource.url=" + PostgresDatabase.SERVER + EscalationSweepBenchmark.DATABASE,
    "spring.datasource.username=postgres",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.authorization.enabled=false"})
class EscalationSweepBenchmark {

  static final String DATABASE = "escalation_sweep_bench";
  private static final int TASKS = Integer.getInteger("benchmark.tasks", 10_000);
  private static final int PER_INSTANCE = 100;
  private static final ZoneId COURT = ZoneId.of("Asia/Shanghai");

  static {
    PostgresDatabase.recreate(DATABASE);
  }

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired EscalationSweep sweep;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Date at(String dateTime) {
    return Date.from(LocalDateTime.parse(dateTime).atZone(COURT).toInstant());
  }

  @Test
  void sweepTenThousandOpenTasks() {
    repository.createDeployment().addModelInstance("sweep-benchmark.bpmn",
        Bpmn.createExecutableProcess("sweep-benchmark").camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_Work").name("办理事项").camundaCandidateGroups("documents").camundaDueDate("${due}")
            .multiInstance().parallel().cardinality(String.valueOf(PER_INSTANCE)).multiInstanceDone()
            .endEvent().done()).deploy();
    ClockUtil.setCurrentTime(at("2026-11-25T09:00"));
    long start = System.nanoTime();
    for (int k = 0; k < TASKS / PER_INSTANCE; k++) {
      runtime.startProcessInstanceByKey("sweep-benchmark", "（2026）豫0000执" + (20000 + k) + "号",
          Map.of("due", at("2026-11-30T23:59:59")));
    }
    System.out.printf("BENCHMARK setup: %d open tasks in %.1f s%n", tasks.createTaskQuery().count(), seconds(start));

    measure("not yet near due (2026-11-20)", "2026-11-20T08:00");
    EscalationSweep.Result first = measure("all overdue, first sweep", "2026-12-01T08:00");
    EscalationSweep.Result again = measure("all overdue, already told", "2026-12-01T08:15");

    assertThat(first.stagesSent()).isEqualTo(TASKS);
    assertThat(again.stagesSent()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from court_notification where kind = 'OVERDUE'", Integer.class))
        .isEqualTo(TASKS);
  }

  private EscalationSweep.Result measure(String label, String now) {
    ClockUtil.setCurrentTime(at(now));
    long start = System.nanoTime();
    EscalationSweep.Result result = sweep.sweep();
    double seconds = seconds(start);
    System.out.printf("BENCHMARK sweep, %s: %d tasks in %d pages, %d stages sent, %.2f s%s%n", label,
        result.tasksDue(), result.pages(), result.stagesSent(), seconds,
        result.tasksDue() == 0 ? "" : String.format(" = %.0f tasks/s", result.tasksDue() / seconds));
    return result;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
