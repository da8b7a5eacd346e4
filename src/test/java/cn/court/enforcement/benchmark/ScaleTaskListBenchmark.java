package cn.court.enforcement.benchmark;

import static cn.court.enforcement.benchmark.ScaleReport.ms;
import static cn.court.enforcement.benchmark.ScaleReport.number;
import static cn.court.enforcement.benchmark.ScaleReport.percentile;

import cn.court.enforcement.demo.CaseRoute;
import cn.court.enforcement.demo.CaseWalker;
import cn.court.enforcement.demo.DemoFilings;
import cn.court.enforcement.demo.Step;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.support.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark, not part of the suite: Tasklist's first page (15 tasks with count and the case
 * columns, the filter's variables) at 10,000 and 100,000 open cases, as an intake clerk (本组待办,
 * her own group's tasks: the figure of issue 18), a team leader and a handler (我的待办) and a
 * supervisor (全部在办), under authorizations through the Java API as Tasklist asks, on H2 and
 * PostgreSQL. Reports p50, p95 and p99 per list; target p95 < 50 ms at 100,000.
 *
 * <p>The open cases are copies of one real case taken after each of its steps (intake, property
 * control, triage, a team naming the handler, the handler's measures...): every runtime row the
 * engine wrote — executions, tasks, candidate links, grants, the case's variables — copied with
 * new ids and a new case number, team cases spread over the six teams. Copying is thousands of
 * times faster than walking 100,000 cases, and the task list reads only these rows.
 *
 * <pre>mvn -B -ntp test -Dtest='ScaleTaskListBenchmark*' -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ScaleTaskListBenchmark {

  static final int[] SIZES = java.util.Arrays.stream(System.getProperty("benchmark.sizes",
      BenchmarkReport.QUICK ? "500,1000" : "10000,100000").split(",")).mapToInt(Integer::parseInt).toArray();
  /** 100 runs: p99 is then the second-slowest, not simply the slowest. */
  static final int RUNS = ScaleReport.size("benchmark.runs", 100, 20);
  static final int TARGET_SIZE = 100_000;
  static final double TARGET_P95_MICROS = 50_000;
  /** Measure on the open cases a previous run left in the database instead of copying them again. */
  static final boolean REUSE = Boolean.getBoolean("benchmark.reuse");
  static final List<String> TEAMS = List.of("quick-team", "ordinary-team-1", "ordinary-team-2", "ordinary-team-3",
      "ordinary-team-4", "ordinary-team-5");

  abstract static class Run {

    @Autowired ProcessEngine engine;
    @Autowired CaseWalker walker;
    @Autowired Organisation organisation;
    @Autowired DataSource dataSource;

    private static final List<String> TABLES = List.of(
        "ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_IDENTITYLINK", "ACT_RU_AUTHORIZATION", "ACT_RU_VARIABLE");

    private final List<Snapshot> snapshots = new ArrayList<>();
    private int open;
    private int serial = 500_000;

    /** The rows of one case at one stage, per table; its team and case number are replaced in copies. */
    record Snapshot(Map<String, List<Map<String, Object>>> rows, String team, String handler, String caseNumber) {}

    void measure(String database) throws SQLException {
      ScaleReport report = new ScaleReport("Scale: Tasklist's first page under authorizations, " + database);
      ScaleReport.Heap heap = new ScaleReport.Heap();
      if (REUSE) {
        open = openCases();
        serial += filedCases();
      }
      templates();
      for (int size : SIZES) {
        long start = System.nanoTime();
        grow(size);
        System.out.printf("BENCHMARK %s: %,d open cases copied in %.0f s%n", database, size, (System.nanoTime() - start) / 1e9);
        String leader = organisation.leaderOf("ordinary-team-1").orElseThrow();
        line(report, size, "intake clerk, 本组待办 (her own group's tasks)", "lilinxia", "本组待办");
        line(report, size, "intake clerk, 待办事项 (hers or her group's: Tasklist opens on it)", "lilinxia", "待办事项");
        line(report, size, "intake clerk, 已超期", "lilinxia", "已超期");
        line(report, size, "intake clerk, 即将到期", "lilinxia", "即将到期");
        line(report, size, "team leader, 我的待办", leader, "我的待办");
        line(report, size, "handler, 我的待办", organisation.membersOf("ordinary-team-1").get(0).id(), "我的待办");
        line(report, size, "supervisor, 全部在办", "juzhang", "全部在办");
      }
      heap.rows(report, "copies and queries");
      heap.close();
      report.note("A page: `FilterService.listPage` (15) + `count` + the case columns' variables of the page's cases, "
          + RUNS + " runs after 5 warm-ups, as the person (authorizations on). Open cases are copies of one walked "
          + "case at each of its stages (docs/benchmarks.md, \"Scale figures\").");
      report.append();
    }

    private int openCases() throws SQLException {
      return count("select count(distinct BUSINESS_KEY_) from ACT_RU_EXECUTION where ID_ = PROC_INST_ID_");
    }

    /** The template cases earlier runs filed (the copies are not registered): the next one needs a new number. */
    private int filedCases() throws SQLException {
      return count("select count(*) from case_file");
    }

    private int count(String sql) throws SQLException {
      try (Connection connection = dataSource.getConnection();
           java.sql.Statement count = connection.createStatement();
           ResultSet result = count.executeQuery(sql)) {
        result.next();
        return result.getInt(1);
      }
    }

    /** One real case walked step by step; its state after each step is kept to be copied. */
    private void templates() throws SQLException {
      LocalDate today = LocalDate.of(2026, 11, 25);
      LocalDate filed = LocalDate.of(2026, 8, 3);
      int number = serial++;
      String caseNumber = DemoFilings.caseNumber(number);
      ProcessInstance instance = walker.file(DemoFilings.filing(number, filed), 0);
      // An ordinary case from filing to its closure, as the last of the demo cases (demo/DemoCases) walks it.
      List<Step> steps = new CaseRoute(caseNumber, filed, today).verifyFiling()
          .reception("被执行人经营困难，名下可能有车辆和银行存款").documents("direct").dossier()
          .inquiry(new CaseRoute.Find("vehicle", "郑州市公安局交通管理支队车辆管理所", 98_000, false, true))
          .offlineControl().triageFacts(false, false).confirmTrack("ordinary", null).allocate().nameTeamHandler()
          .interviewBothParties().proposeClosure("fully-performed", null).registerClosure().take();
      for (Step step : steps) {
        if (step.taskKey().startsWith("Task_SignClosure")) {
          break;
        }
        if (engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count() > 0) {
          try (Connection connection = dataSource.getConnection()) {
            snapshots.add(new Snapshot(rowsOf(connection, instance.getId()),
                (String) engine.getRuntimeService().getVariable(instance.getId(), "handlingTeam"),
                (String) engine.getRuntimeService().getVariable(instance.getId(), "caseHandler"), caseNumber));
          }
        }
        walker.walk(caseNumber, List.of(step), 0);
      }
    }

    private static Map<String, List<Map<String, Object>>> rowsOf(Connection connection, String instanceId)
        throws SQLException {
      Map<String, List<Map<String, Object>>> rows = new HashMap<>();
      rows.put("ACT_RU_EXECUTION", ScaleCopies.parentsFirst(ScaleCopies.rows(connection, "ACT_RU_EXECUTION", "PROC_INST_ID_ = ?", instanceId)));
      rows.put("ACT_RU_TASK", ScaleCopies.rows(connection, "ACT_RU_TASK", "PROC_INST_ID_ = ?", instanceId));
      rows.put("ACT_RU_IDENTITYLINK", ScaleCopies.rows(connection, "ACT_RU_IDENTITYLINK",
          "TASK_ID_ IN (select ID_ from ACT_RU_TASK where PROC_INST_ID_ = ?)", instanceId));
      rows.put("ACT_RU_AUTHORIZATION", ScaleCopies.rows(connection, "ACT_RU_AUTHORIZATION",
          "RESOURCE_ID_ = ? OR RESOURCE_ID_ IN (select ID_ from ACT_RU_TASK where PROC_INST_ID_ = ?)", instanceId));
      // The case columns and what routes the case; the task list reads no other variable.
      rows.put("ACT_RU_VARIABLE", ScaleCopies.rows(connection, "ACT_RU_VARIABLE", "PROC_INST_ID_ = ? AND NAME_ IN ('caseNumber',"
          + " 'applicantName', 'respondentName', 'amountClaimed', 'handlingTeam', 'caseHandler')", instanceId));
      return rows;
    }

    /** Adds copies of the snapshots (in turn; team stages spread over the teams) up to {@code size}. */
    private void grow(int size) throws SQLException {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        Map<String, List<Map<String, Object>>> batch = new HashMap<>();
        for (int k = open; k < size; k++) {
          Snapshot snapshot = snapshots.get(k % snapshots.size());
          Map<String, String> ids = new HashMap<>();
          if (snapshot.team() != null) {
            String team = TEAMS.get((k / snapshots.size()) % TEAMS.size());
            ids.put(snapshot.team(), team);
            ids.put(organisation.leaderOf(snapshot.team()).orElseThrow(), organisation.leaderOf(team).orElseThrow());
            if (snapshot.handler() != null) {
              List<Organisation.Staff> members = organisation.membersOf(team);
              ids.put(snapshot.handler(), members.get((k / snapshots.size() / TEAMS.size()) % members.size()).id());
            }
          }
          ids.put(snapshot.caseNumber(), "（2026）豫0101执" + (serial++) + "号");
          snapshot.rows().values().forEach(rows -> rows.forEach(row -> ids.put((String) row.get("ID_"), UUID.randomUUID().toString())));
          // Two people of the template may become one (the handler is the new team's leader): one grant each.
          java.util.Set<List<Object>> grants = new java.util.HashSet<>();
          // Each copy a minute older than the one before (created and due): a backlog filed over time, not
          // 100,000 tasks due at the same instant, which no index on the due date could order.
          long older = k * 60_000L;
          snapshot.rows().forEach((table, rows) -> rows.stream().map(row -> ScaleCopies.replaced(row, ids, older))
              .filter(row -> !table.equals("ACT_RU_AUTHORIZATION") || grants.add(java.util.Arrays.asList(row.get("TYPE_"),
                  row.get("USER_ID_"), row.get("GROUP_ID_"), row.get("RESOURCE_TYPE_"), row.get("RESOURCE_ID_"))))
              .forEach(row -> batch.computeIfAbsent(table, t -> new ArrayList<>()).add(row)));
          if (k % 1000 == 999 || k == size - 1) {
            for (String table : TABLES) {
              ScaleCopies.insert(connection, table, batch.getOrDefault(table, List.of()));
            }
            batch.clear();
            connection.commit();
          }
        }
        ScaleCopies.analyze(connection);
      }
      open = size;
    }

    /** Tasklist's first page of a filter: 15 tasks, the count, the case columns. */
    private void line(ScaleReport report, int size, String who, String userId, String filterName) {
      Filter filter = engine.getFilterService().createFilterQuery().filterName(filterName).singleResult();
      List<String> groups = organisation.person(userId).orElseThrow().groups();
      List<Long> micros = new ArrayList<>();
      long count = 0;
      for (int run = 0; run < RUNS + 5; run++) {
        engine.getIdentityService().setAuthentication(userId, groups);
        try {
          long start = System.nanoTime();
          List<Task> page = engine.getFilterService().listPage(filter.getId(), 0, 15);
          count = engine.getFilterService().count(filter.getId());
          if (!page.isEmpty()) {
            engine.getRuntimeService().createVariableInstanceQuery()
                .processInstanceIdIn(page.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new))
                .variableNameIn("caseNumber", "applicantName", "respondentName", "amountClaimed")
                .disableBinaryFetching().list();
          }
          if (run >= 5) {
            micros.add((System.nanoTime() - start) / 1_000);
          }
        } finally {
          engine.getIdentityService().clearAuthentication();
        }
      }
      micros.sort(null);
      double p95 = percentile(micros, 95);
      String result = number(count) + " tasks: p50 " + ms(percentile(micros, 50)) + ", p95 " + ms(p95) + ", p99 "
          + ms(percentile(micros, 99));
      String figure = who + ", " + number(size) + " open cases";
      if (size == TARGET_SIZE) {
        report.row(figure, result, "p95 < 50 ms", ScaleReport.verdict(p95 < TARGET_P95_MICROS));
      } else {
        report.row(figure, result);
      }
    }
  }

  @Nested
  @SpringBootTest(properties = ScaleReport.H2_OWN_DATABASE + "scale-tasklist" + ScaleReport.H2_SETTINGS)
  @DirtiesContext
  @Tag("h2")
  class OnH2InMemory extends Run {
    @Test
    void taskLists() throws SQLException {
      measure("H2 (in memory)");
    }
  }

  @Nested
  @SpringBootTest
  @TestPropertySource(properties = {
      "spring.datasource.url=" + PostgresDatabase.SERVER + "enforcement_tasklist_bench",
      "spring.datasource.username=postgres"})
  @Tag("postgres")
  @DirtiesContext
  class OnPostgres extends Run {
    static {
      if (!REUSE) {
        PostgresDatabase.recreate("enforcement_tasklist_bench");
      }
    }

    @Test
    void taskLists() throws SQLException {
      measure("PostgreSQL 15 (localhost)");
    }
  }

  /**
   * Camunda's own task query (the join), for the figures before, only with
   * {@code -Dbenchmark.camundas-query=true -Dbenchmark.sizes=1000,5000}: it takes seconds per page from 5,000 on.
   */
  @Nested
  @EnabledIfSystemProperty(named = "benchmark.camundas-query", matches = "true")
  @SpringBootTest
  @Import(CamundaTaskQuery.class)
  @TestPropertySource(properties = {
      "spring.datasource.url=" + PostgresDatabase.SERVER + "enforcement_tasklist_bench_camunda",
      "spring.datasource.username=postgres",
      "spring.main.allow-bean-definition-overriding=true"})
  class OnPostgresWithCamundasQuery extends Run {
    static {
      if (Boolean.getBoolean("benchmark.camundas-query")) {
        PostgresDatabase.recreate("enforcement_tasklist_bench_camunda");
      }
    }

    @Test
    void taskLists() throws SQLException {
      measure("PostgreSQL 15 (localhost), Camunda's task query");
    }
  }

  @TestConfiguration
  static class CamundaTaskQuery {
    @Bean
    ProcessEnginePlugin taskQueryAuthorization() {
      return new AbstractProcessEnginePlugin() {};
    }
  }
}
