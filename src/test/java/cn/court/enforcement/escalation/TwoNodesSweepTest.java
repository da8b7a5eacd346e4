package cn.court.enforcement.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.EnforcementApplication;
import cn.court.enforcement.support.PostgresDatabase;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes of a cluster (two application contexts, two engines) on one PostgreSQL database
 * sweep the same due tasks at the same moment — as when the sweep job outlives its lock and a
 * second node takes it. Small pages, so both walk many pages side by side.
 */
class TwoNodesSweepTest {

  private static final String DATABASE = "escalation_sweep_nodes";
  private static final ZoneId COURT = ZoneId.of("Asia/Shanghai");
  private static final int CASES = 30;

  private static ConfigurableApplicationContext nodeA;
  private static ConfigurableApplicationContext nodeB;

  @BeforeAll
  static void startTwoNodes() {
    PostgresDatabase.recreate(DATABASE);
    nodeA = node("default");
    nodeB = node("nodeB");
  }

  /** One JVM holds both: engines (and process applications) need names of their own. */
  private static ConfigurableApplicationContext node(String engine) {
    // command-line arguments: they override application.yml (builder properties would not)
    return new SpringApplicationBuilder(EnforcementApplication.class).run(
        "--spring.datasource.url=" + PostgresDatabase.SERVER + DATABASE,
        "--spring.datasource.username=postgres",
        "--camunda.bpm.process-engine-name=" + engine,
        "--camunda.bpm.generate-unique-process-application-name=true",
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.authorization.enabled=false",
        "--court.escalation.sweep-page-size=7");
  }

  @AfterAll
  static void stop() {
    nodeB.close();
    nodeA.close();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Date at(String dateTime) {
    return Date.from(LocalDateTime.parse(dateTime).atZone(COURT).toInstant());
  }

  @Test
  void bothNodesSweepingAtOnceTellEveryoneOnce() throws Exception {
    RuntimeService runtime = nodeA.getBean(RuntimeService.class);
    JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
    // Mon 2 Mar 2026: 核对到账案款 due Wed 4 Mar, 审查终本条件 due Mon 9 Mar
    ClockUtil.setCurrentTime(at("2026-03-02T10:00"));
    for (int k = 1; k <= CASES; k++) {
      SweepTestSupport.moneyArrived(runtime, "（2026）豫0000执" + (8000 + k) + "号");
      runtime.startProcessInstanceByKey("termination-review", "（2026）豫0000执" + (9000 + k) + "号");
    }

    // Fri 6 Mar: the money registrations are overdue, the reviews are due on Monday
    assertThat(sweepOnBothNodesAt("2026-03-06T08:00")).isEqualTo(2 * CASES);
    // Wed 18 Mar: both badly overdue; the reviews also become overdue
    assertThat(sweepOnBothNodesAt("2026-03-18T08:00")).isEqualTo(3 * CASES);

    assertThat(jdbc.queryForList("select task_id, kind, recipient from court_notification "
        + "group by task_id, kind, recipient having count(*) > 1")).as("told twice").isEmpty();
    assertThat(jdbc.queryForMap("select "
        + "sum(case when kind = 'REMINDER' then 1 else 0 end) as reminded, "
        + "sum(case when kind = 'OVERDUE' then 1 else 0 end) as overdue, "
        + "sum(case when kind = 'BADLY_OVERDUE' then 1 else 0 end) as badly from "
        + "(select distinct task_id, kind from court_notification) told"))
        .containsEntry("reminded", (long) CASES).containsEntry("overdue", 2L * CASES)
        .containsEntry("badly", 2L * CASES);
    assertThat(jdbc.queryForObject("select count(*) from court_node_deadline where overdue_at is not null",
        Integer.class)).isEqualTo(2 * CASES);
  }

  /** Both nodes' sweeps started together; returns how many stages they notified between them. */
  private static int sweepOnBothNodesAt(String dateTime) throws Exception {
    ClockUtil.setCurrentTime(at(dateTime));
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<EscalationSweep.Result>> runs = List.of(nodeA, nodeB).stream()
          .map(node -> CompletableFuture.supplyAsync(() -> {
            EscalationSweep sweep = node.getBean(EscalationSweep.class);
            try {
              together.await();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            return sweep.sweep();
          }, threads)).toList();
      int sent = 0;
      for (CompletableFuture<EscalationSweep.Result> run : runs) {
        EscalationSweep.Result result = run.get();
        assertThat(result.pages()).as("pages of 7").isGreaterThan(1);
        sent += result.stagesSent();
      }
      return sent;
    } finally {
      threads.shutdown();
    }
  }
}
