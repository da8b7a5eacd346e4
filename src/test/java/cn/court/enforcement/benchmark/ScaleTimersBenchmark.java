package cn.court.enforcement.benchmark;

import static cn.court.enforcement.benchmark.ScaleReport.number;
import static cn.court.enforcement.benchmark.ScaleReport.percentile;
import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.support.PostgresDatabase;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not part of the suite: N timers due at the same moment (default 10,000; quick 500),
 * fired by the job executor as the application configures it (3 threads, wait 500 ms, max wait
 * 2 s), on H2 and PostgreSQL. Each timer is the one intermediate timer of a small process; the
 * instances are started with the timer far ahead, then every timer job is moved to one due instant
 * a few seconds ahead (an update of {@code ACT_RU_JOB.DUEDATE_}), as a court's timers due at the
 * same deadline would be. Lateness of a timer = the moment its job ran the timer's end listener
 * (in the job's transaction, before its commit) minus the due instant, on the real clock.
 * Target: the last timer < 5 s late.
 *
 * <pre>mvn -B -ntp test -Dtest='ScaleTimersBenchmark*' -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ScaleTimersBenchmark {

  static final String DATABASE = "enforcement_scale_timers";
  static final int TIMERS = ScaleReport.size("benchmark.timers", 10_000, 500);
  static final long TARGET_MILLIS = 5_000;
  /** Time for the executor to see the moved jobs: the due instant is this far after the update. */
  static final long LEAD_MILLIS = 3_000;
  static final String EXECUTOR_ON = "camunda.bpm.job-execution.enabled=true";
  /**
   * As configured unless {@code -Dbenchmark.max-jobs-per-acquisition=N} asks what a larger acquisition would
   * give (the application sets none: Camunda's default is 3 jobs per acquisition).
   */
  static final String ACQUISITION = "camunda.bpm.job-execution.max-jobs-per-acquisition="
      + "${benchmark.max-jobs-per-acquisition:3}";

  /** When each timer's job ran, by process instance: the timer event's end listener. */
  static class Fired implements ExecutionListener {
    final Map<String, Long> at = new ConcurrentHashMap<>();

    @Override
    public void notify(DelegateExecution execution) {
      at.put(execution.getProcessInstanceId(), System.currentTimeMillis());
    }
  }

  @TestConfiguration
  static class Listener {
    @Bean
    Fired scaleTimerFired() {
      return new Fired();
    }
  }

  abstract static class Run {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;
    @Autowired Fired fired;
    @Value("${camunda.bpm.job-execution.core-pool-size}") int threads;
    @Value("${camunda.bpm.job-execution.max-jobs-per-acquisition}") int perAcquisition;

    void measure(String database) throws Exception {
      ScaleReport report = new ScaleReport("Scale: timers due at once, " + database);
      ScaleReport.Heap heap = new ScaleReport.Heap();
      DeploymentWithDefinitions deployment = repository.createDeployment().addModelInstance("scale-timer.bpmn",
          Bpmn.createExecutableProcess("scale-timer").camundaHistoryTimeToLive(1)
              .startEvent()
              .intermediateCatchEvent("Timer_Due").timerWithDate("${due}")
              .camundaExecutionListenerDelegateExpression("end", "${scaleTimerFired}")
              .endEvent().done()).deployWithResult();
      String definitionId = deployment.getDeployedProcessDefinitions().get(0).getId();
      Date farAhead = new Date(ClockUtil.getCurrentTime().getTime() + 30L * 24 * 3600 * 1000);
      long start = System.nanoTime();
      for (int k = 0; k < TIMERS; k++) {
        runtime.startProcessInstanceById(definitionId, Map.of("due", farAhead));
      }
      double setup = (System.nanoTime() - start) / 1e9;
      long due = System.currentTimeMillis() + LEAD_MILLIS;
      int moved = jdbc.update("update ACT_RU_JOB set DUEDATE_ = ? where PROCESS_DEF_ID_ = ?", new Timestamp(due),
          definitionId);
      assertThat(moved).isEqualTo(TIMERS);
      long deadline = due + 600_000;
      try (AutoCloseable recording = ScaleReport.flightRecording("scale-timers-" + database.split(" ")[0])) {
        while (fired.at.size() < TIMERS && System.currentTimeMillis() < deadline
            && management.createJobQuery().processDefinitionId(definitionId).withException().count() == 0) {
          Thread.sleep(100);
        }
      }
      assertThat(management.createJobQuery().processDefinitionId(definitionId).withException().count()).isZero();
      assertThat(fired.at).as("timers fired within 10 minutes of their due instant").hasSize(TIMERS);
      // the listener runs before its job commits: wait for the commits, then nothing of it may be left
      while (management.createJobQuery().processDefinitionId(definitionId).count() > 0
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      assertThat(management.createJobQuery().processDefinitionId(definitionId).count()).isZero();
      assertThat(management.createJobQuery().withException().count()).isZero();

      List<Long> lateness = new ArrayList<>(fired.at.values().stream().map(at -> (at - due) * 1000).sorted().toList());
      double max = lateness.get(lateness.size() - 1);
      report.row("timers due at the same instant", number(TIMERS) + " (" + threads + " job-executor threads, "
          + perAcquisition + " jobs per acquisition; instances started in " + String.format(Locale.ROOT, "%.1f", setup) + " s)");
      report.row("lateness (due → the timer's job ran), p50 / p95", ScaleReport.ms(percentile(lateness, 50)) + " / "
          + ScaleReport.ms(percentile(lateness, 95)));
      report.row("lateness of the last timer (max)", ScaleReport.ms(max) + " = "
          + String.format(Locale.ROOT, "%,.0f", TIMERS / (max / 1e6)) + " timers/s after the due instant",
          "< 5 s", ScaleReport.verdict(max < TARGET_MILLIS * 1000));
      heap.rows(report, "start and firing");
      heap.close();
      report.note("A timer is late by how long after its due instant its job ran (the timer's end listener, inside "
          + "the job's transaction); the job executor acquires due jobs every 0.5–2 s, so even one timer is late by up "
          + "to that much. With many due at once the last one waits for the others: its lateness is the queue's "
          + "length divided by the executor's throughput.");
      report.append();
    }
  }

  @Nested
  @SpringBootTest(properties = {ScaleReport.H2_OWN_DATABASE + "scale-timers" + ScaleReport.H2_SETTINGS,
      EXECUTOR_ON, ACQUISITION})
  @DirtiesContext
  @Import(Listener.class)
  @Tag("h2")
  class OnH2InMemory extends Run {
    @Test
    void timers() throws Exception {
      measure("H2 (in memory)");
    }
  }

  @Nested
  @SpringBootTest(properties = {EXECUTOR_ON, ACQUISITION,
      "spring.datasource.url=" + PostgresDatabase.SERVER + DATABASE,
      "spring.datasource.username=postgres"})
  @Import(Listener.class)
  @Tag("postgres")
  @DirtiesContext
  class OnPostgres extends Run {
    static {
      PostgresDatabase.recreate(DATABASE);
    }

    @Test
    void timers() throws Exception {
      measure("PostgreSQL 15 (localhost)");
    }
  }
}
