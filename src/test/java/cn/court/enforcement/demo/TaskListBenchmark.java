package cn.court.enforcement.demo;

import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.support.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark, not part of the suite: Tasklist's first page (15 tasks with count and the case
 * columns) at 1,000, 10,000 and 100,000 open cases, as an intake clerk (本组待办), a team leader
 * (本组待办) and a supervisor (全部在办), through the Java API as Tasklist asks, on H2 and
 * PostgreSQL. Prints p50 and p95 per list.
 *
 * <p>The open cases are copies of one real case taken after each of its steps (intake, property
 * control, triage, a team naming the handler, the handler's measures...): every runtime row the
 * engine wrote — executions, tasks, candidate links, grants, the case's variables — copied with
 * new ids and a new case number, team cases spread over the six teams. Copying is thousands of
 * times faster than walking 100,000 cases, and the task list reads only these rows.
 *
 * <pre>mvn -B -ntp test -Dtest='TaskListBenchmark*' -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class TaskListBenchmark {

  static final int[] SIZES = java.util.Arrays.stream(System.getProperty("benchmark.sizes", "1000,10000,100000")
      .split(",")).mapToInt(Integer::parseInt).toArray();
  static final int RUNS = Integer.getInteger("benchmark.runs", 40);
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
        line(database, size, "intake clerk, 本组待办", "lilinxia", "本组待办");
        line(database, size, "team leader, 我的待办", leader, "我的待办");
        line(database, size, "handler, 我的待办", organisation.membersOf("ordinary-team-1").get(0).id(), "我的待办");
        line(database, size, "supervisor, 全部在办", "juzhang", "全部在办");
      }
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
      DemoCases.DemoCase kind = DemoCases.all(today).get(DemoCases.all(today).size() - 1);
      DemoCases.DemoCase c = new DemoCases.DemoCase(serial++, kind.filed(), kind.route());
      ProcessInstance instance = walker.file(c.filing(), 0);
      for (Step step : c.steps(today)) {
        if (step.taskKey().startsWith("Task_SignClosure")) {
          break;
        }
        if (engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count() > 0) {
          try (Connection connection = dataSource.getConnection()) {
            snapshots.add(new Snapshot(rowsOf(connection, instance.getId()),
                (String) engine.getRuntimeService().getVariable(instance.getId(), "handlingTeam"),
                (String) engine.getRuntimeService().getVariable(instance.getId(), "caseHandler"), c.caseNumber()));
          }
        }
        walker.walk(c.caseNumber(), List.of(step), 0);
      }
    }

    private static Map<String, List<Map<String, Object>>> rowsOf(Connection connection, String instanceId)
        throws SQLException {
      Map<String, List<Map<String, Object>>> rows = new HashMap<>();
      rows.put("ACT_RU_EXECUTION", parentsFirst(rows(connection, "ACT_RU_EXECUTION", "PROC_INST_ID_ = ?", instanceId)));
      rows.put("ACT_RU_TASK", rows(connection, "ACT_RU_TASK", "PROC_INST_ID_ = ?", instanceId));
      rows.put("ACT_RU_IDENTITYLINK", rows(connection, "ACT_RU_IDENTITYLINK",
          "TASK_ID_ IN (select ID_ from ACT_RU_TASK where PROC_INST_ID_ = ?)", instanceId));
      rows.put("ACT_RU_AUTHORIZATION", rows(connection, "ACT_RU_AUTHORIZATION",
          "RESOURCE_ID_ = ? OR RESOURCE_ID_ IN (select ID_ from ACT_RU_TASK where PROC_INST_ID_ = ?)", instanceId));
      // The case columns and what routes the case; the task list reads no other variable.
      rows.put("ACT_RU_VARIABLE", rows(connection, "ACT_RU_VARIABLE", "PROC_INST_ID_ = ? AND NAME_ IN ('caseNumber',"
          + " 'applicantName', 'respondentName', 'amountClaimed', 'handlingTeam', 'caseHandler')", instanceId));
      return rows;
    }

    /** Executions in an order their parent-child keys accept. */
    private static List<Map<String, Object>> parentsFirst(List<Map<String, Object>> executions) {
      List<Map<String, Object>> ordered = new ArrayList<>();
      java.util.Set<Object> placed = new java.util.HashSet<>();
      while (ordered.size() < executions.size()) {
        for (Map<String, Object> execution : executions) {
          Object parent = execution.get("PARENT_ID_");
          if (!placed.contains(execution.get("ID_")) && (parent == null || placed.contains(parent))) {
            ordered.add(execution);
            placed.add(execution.get("ID_"));
          }
        }
      }
      return ordered;
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
          snapshot.rows().forEach((table, rows) -> rows.stream().map(row -> replaced(row, ids, older))
              .filter(row -> !table.equals("ACT_RU_AUTHORIZATION") || grants.add(java.util.Arrays.asList(row.get("TYPE_"),
                  row.get("USER_ID_"), row.get("GROUP_ID_"), row.get("RESOURCE_TYPE_"), row.get("RESOURCE_ID_"))))
              .forEach(row -> batch.computeIfAbsent(table, t -> new ArrayList<>()).add(row)));
          if (k % 1000 == 999 || k == size - 1) {
            for (String table : TABLES) {
              insert(connection, table, batch.getOrDefault(table, List.of()));
            }
            batch.clear();
            connection.commit();
          }
        }
        // What autovacuum does after a day's work (docs/operations.md): the planner needs the new sizes, and
        // PostgreSQL's index-only scans the visibility map (without it each index entry also reads its row).
        connection.setAutoCommit(true);
        try (java.sql.Statement analyze = connection.createStatement()) {
          analyze.execute(connection.getMetaData().getDatabaseProductName().equals("PostgreSQL") ? "vacuum analyze" : "analyze");
        }
      }
      open = size;
    }

    private static Map<String, Object> replaced(Map<String, Object> row, Map<String, String> ids, long older) {
      Map<String, Object> copy = new HashMap<>();
      row.forEach((column, value) -> copy.put(column, value instanceof String text ? ids.getOrDefault(text, text)
          : value instanceof java.sql.Timestamp time ? new java.sql.Timestamp(time.getTime() - older) : value));
      return copy;
    }

    private static List<Map<String, Object>> rows(Connection connection, String table, String where, String instanceId)
        throws SQLException {
      try (PreparedStatement select = connection.prepareStatement("select * from " + table + " where " + where)) {
        for (int p = 1; p <= select.getParameterMetaData().getParameterCount(); p++) {
          select.setString(p, instanceId);
        }
        try (ResultSet result = select.executeQuery()) {
          ResultSetMetaData meta = result.getMetaData();
          List<Map<String, Object>> rows = new ArrayList<>();
          while (result.next()) {
            Map<String, Object> row = new HashMap<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
              row.put(meta.getColumnName(c).toUpperCase(), result.getObject(c));
            }
            rows.add(row);
          }
          return rows;
        }
      }
    }

    private static void insert(Connection connection, String table, List<Map<String, Object>> rows) throws SQLException {
      if (rows.isEmpty()) {
        return;
      }
      List<String> columns = new ArrayList<>(rows.get(0).keySet());
      String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
          + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
      try (PreparedStatement insert = connection.prepareStatement(sql)) {
        for (Map<String, Object> row : rows) {
          for (int c = 0; c < columns.size(); c++) {
            insert.setObject(c + 1, row.get(columns.get(c)));
          }
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }

    /** Tasklist's first page of a filter: 15 tasks, the count, the case columns. */
    private void line(String database, int size, String who, String userId, String filterName) {
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
      System.out.printf("BENCHMARK %s, %,d open cases, %s: %,d tasks; p50 %.1f ms, p95 %.1f ms%n", database, size, who,
          count, micros.get(RUNS / 2) / 1000.0, micros.get((int) (RUNS * 0.95)) / 1000.0);
    }
  }

  @Nested
  @SpringBootTest
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

  /** Camunda's own task query (the join), for the figures before: run with -Dbenchmark.sizes=1000,5000. */
  @Nested
  @SpringBootTest
  @Import(CamundaTaskQuery.class)
  @TestPropertySource(properties = {
      "spring.datasource.url=" + PostgresDatabase.SERVER + "enforcement_tasklist_bench_camunda",
      "spring.datasource.username=postgres",
      "spring.main.allow-bean-definition-overriding=true"})
  class OnPostgresWithCamundasQuery extends Run {
    static {
      PostgresDatabase.recreate("enforcement_tasklist_bench_camunda");
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
