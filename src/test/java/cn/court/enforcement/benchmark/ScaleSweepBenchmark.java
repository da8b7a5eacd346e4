package cn.court.enforcement.benchmark;

import static cn.court.enforcement.benchmark.ScaleReport.number;
import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.escalation.EscalationProperties;
import cn.court.enforcement.escalation.EscalationSweep;
import cn.court.enforcement.escalation.Notifier;
import cn.court.enforcement.organisation.Leaders;
import cn.court.enforcement.support.EngineClock;
import cn.court.enforcement.support.PostgresDatabase;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not part of the suite: the escalation sweep over N open tasks (default 100,000: 1,000
 * instances of 100 parallel tasks, unclaimed, group {@code documents}; quick: 2,000), on H2 and
 * PostgreSQL, one thread, pages of 500. Every open task is near or past its due date, so the sweep
 * reads all of them; {@code benchmark.due-share} percent (default 10) reach a stage this morning —
 * half newly overdue (their reminder recorded earlier: the group's leader is told), half newly near
 * due (no row yet: everyone of the group is reminded) — and the rest were escalated on earlier days
 * (their {@code court_node_deadline} rows written as the sweep writes them). Target: < 60 s.
 *
 * <pre>mvn -B -ntp test -Dtest='ScaleSweepBenchmark*' -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ScaleSweepBenchmark {

  static final String DATABASE = "enforcement_scale_sweep";
  static final int TASKS = ScaleReport.size("benchmark.tasks", 100_000, 2_000);
  static final int DUE_SHARE = Integer.getInteger("benchmark.due-share", 10);
  static final int PER_INSTANCE = 100;
  static final double TARGET_SECONDS = 60;
  /** Tuesday morning: what was due on Monday is overdue since midnight, Wednesday's is near due. */
  static final LocalDateTime SWEEP = LocalDateTime.parse("2026-12-01T08:00");
  static final LocalDateTime DUE_YESTERDAY = LocalDateTime.parse("2026-11-30T23:59:59");
  static final LocalDateTime DUE_TOMORROW = LocalDateTime.parse("2026-12-02T17:00");
  static final String GROUP = "documents";

  abstract static class Run {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired EscalationSweep sweep;
    @Autowired Notifier notifier;
    @Autowired Leaders leaders;
    @Autowired EscalationProperties properties;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
      ClockUtil.reset();
    }

    void measure(String database) throws Exception {
      ScaleReport report = new ScaleReport("Scale: escalation sweep, " + database);
      ScaleReport.Heap heap = new ScaleReport.Heap();
      repository.createDeployment().addModelInstance("scale-sweep.bpmn",
          Bpmn.createExecutableProcess("scale-sweep").camundaHistoryTimeToLive(1)
              .startEvent()
              .userTask("Task_Work").name("办理事项").camundaCandidateGroups(GROUP).camundaDueDate("${due}")
              .multiInstance().parallel().cardinality(String.valueOf(PER_INSTANCE)).multiInstanceDone()
              .endEvent().done()).deploy();
      EngineClock.at(LocalDateTime.parse("2026-11-23T09:00"));
      long start = System.nanoTime();
      int freshOverdue = 0;
      int freshReminded = 0;
      for (int k = 0; k < TASKS / PER_INSTANCE; k++) {
        // DUE_SHARE of every 100 instances, spread; fresh or not, alternately due yesterday and tomorrow
        boolean fresh = k * DUE_SHARE % 100 < DUE_SHARE;
        boolean dueYesterday = k * DUE_SHARE / 100 % 2 == 0;
        // what earlier sweeps recorded: due yesterday and reminded (fresh: overdue now) or overdue too;
        // due tomorrow and nothing yet (fresh: reminded now) or reminded already
        String recorded = dueYesterday ? (fresh ? "reminded" : "overdue") : (fresh ? "none" : "reminded");
        freshOverdue += fresh && dueYesterday ? PER_INSTANCE : 0;
        freshReminded += fresh && !dueYesterday ? PER_INSTANCE : 0;
        runtime.startProcessInstanceByKey("scale-sweep", "（2026）豫0000执" + (20000 + k) + "号", Map.of(
            "due", EngineClock.date(dueYesterday ? DUE_YESTERDAY : DUE_TOMORROW), "recorded", recorded));
      }
      recordEarlierSweeps("reminded", "2026-11-27T08:00", null);
      recordEarlierSweeps("overdue", "2026-11-27T08:00", "2026-12-01T00:15");
      double setup = seconds(start);
      assertThat(tasks.createTaskQuery().count()).isEqualTo(TASKS);
      int fresh = freshOverdue + freshReminded;
      report.row("open tasks, all read by the sweep", number(TASKS) + " (set up in " + format(setup) + " s)");

      EscalationSweep.Result first = line(report, "first sweep of the morning, " + DUE_SHARE + " % reaching a stage ("
          + number(freshOverdue) + " newly overdue, " + number(freshReminded) + " newly near due)", SWEEP);
      EscalationSweep.Result again = line(report, "15 minutes later, nothing new", SWEEP.plusMinutes(15));
      heap.rows(report, "set-up and sweeps");
      heap.close();
      report.note("One thread, pages of " + properties.sweepPageSize() + "; an escalation commits on its own (the claim in "
          + "`court_node_deadline` and its notifications). The " + number(TASKS - fresh) + " tasks escalated on "
          + "earlier days have their rows written by SQL as the sweep leaves them.");
      report.append();

      assertThat(first.tasksDue()).isEqualTo(TASKS);
      assertThat(first.stagesSent()).isEqualTo(fresh);
      assertThat(again.tasksDue()).isEqualTo(TASKS);
      assertThat(again.stagesSent()).isZero();
      int groupLeaders = leaders.leaderOf(GROUP).isPresent() ? 1 : 0;
      assertThat(jdbc.queryForObject("select count(*) from court_notification", Integer.class))
          .isEqualTo(freshOverdue * groupLeaders + freshReminded * notifier.membersOf(List.of(GROUP)).size());
    }

    /** The rows earlier sweeps left for the tasks of instances marked {@code recorded}. */
    private void recordEarlierSweeps(String recorded, String remindedAt, String overdueAt) {
      jdbc.update("""
          insert into court_node_deadline (task_id, process_instance_id, process_definition_key, case_number,
            task_name, group_id, due_at, reminded_at, overdue_at)
          select t.ID_, t.PROC_INST_ID_, 'scale-sweep', e.BUSINESS_KEY_, t.NAME_, ?, t.DUE_DATE_, ?, ?
          from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
          join ACT_RU_VARIABLE v on v.EXECUTION_ID_ = t.PROC_INST_ID_ and v.NAME_ = 'recorded'
          where v.TEXT_ = ?""", GROUP, EngineClock.date(LocalDateTime.parse(remindedAt)),
          overdueAt == null ? null : EngineClock.date(LocalDateTime.parse(overdueAt)), recorded);
    }

    private EscalationSweep.Result line(ScaleReport report, String figure, LocalDateTime at) throws Exception {
      EngineClock.at(at);
      long start = System.nanoTime();
      EscalationSweep.Result result;
      try (AutoCloseable recording = ScaleReport.flightRecording("scale-sweep-" + figure.split(",")[0].replace(' ', '-'))) {
        result = sweep.sweep();
      }
      double seconds = seconds(start);
      report.row(figure, number(result.tasksDue()) + " tasks read in " + result.pages() + " pages, "
              + number(result.stagesSent()) + " stages sent: " + format(seconds) + " s",
          "< 60 s", ScaleReport.verdict(seconds < TARGET_SECONDS));
      return result;
    }
  }

  private static String format(double seconds) {
    return String.format(Locale.ROOT, "%,.1f", seconds);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** The benchmark calls the sweep itself; as a job it runs without a user, so no authorization applies. */
  static final String NO_JOB_EXECUTOR = "camunda.bpm.job-execution.enabled=false";
  static final String NO_AUTHORIZATION = "camunda.bpm.authorization.enabled=false";

  @Nested
  @SpringBootTest(properties = {ScaleReport.H2_OWN_DATABASE + "scale-sweep" + ScaleReport.H2_SETTINGS,
      NO_JOB_EXECUTOR, NO_AUTHORIZATION})
  @DirtiesContext
  @Tag("h2")
  class OnH2InMemory extends Run {
    @Test
    void sweep() throws Exception {
      measure("H2 (in memory)");
    }
  }

  @Nested
  @SpringBootTest(properties = {
      "spring.datasource.url=" + PostgresDatabase.SERVER + DATABASE,
      "spring.datasource.username=postgres", NO_JOB_EXECUTOR, NO_AUTHORIZATION})
  @Tag("postgres")
  @DirtiesContext
  class OnPostgres extends Run {
    static {
      PostgresDatabase.recreate(DATABASE);
    }

    @Test
    void sweep() throws Exception {
      measure("PostgreSQL 15 (localhost)");
    }
  }
}
