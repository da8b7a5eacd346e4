package cn.court.enforcement.benchmark;

import static cn.court.enforcement.benchmark.BenchmarkReport.figure;
import static cn.court.enforcement.benchmark.BenchmarkReport.target;
import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.benchmark.DatabaseCeiling.Ceiling;
import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.demo.CaseWalker;
import cn.court.enforcement.support.PostgresDatabase;
import cn.court.enforcement.support.StatementCounter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The procedure's figures, side by side on one database in one run (issue 18 §1 and §2): the
 * database's ceiling, a bare Camunda engine's baseline (plain, and walked as a user would), the
 * project's whole cases over the mix of routes ({@link WholeCases}) with the job executor on, each
 * with 1 and 2 threads, and the ratios with the targets. Not part of the suite: run by
 * {@code mvn -B -ntp test -Pbenchmark} (docs/benchmarks.md, "One command").
 */
class ProcedureBenchmark {

  static final String PG_DATABASE = "enforcement_bench_procedure";
  static final String PG_BARE_DATABASE = "enforcement_bench_bare";
  /** The business keys of the walked cases, 执 and 执恢 alike (demo/DemoFilings, termination/ResumptionProperties). */
  static final String OUR_CASES = "（2026）豫0000执%";
  static final String FOLLOW_UP = "termination-follow-up";
  static final String FOLLOW_UP_WAITS = "Event_SixMonthsPassed";

  abstract static class Run {

    @Autowired CaseWalker walker;
    @Autowired StatementCounter sql;
    @Autowired CommandCounter commands;
    @Autowired ProcessEngine engine;
    @Autowired DataSource dataSource;

    /** {@code name}: for the trace file and the report; the rest: how the ceiling and the bare engine reach the database. */
    void measure(String name, Ceiling ceiling, BareEngine bare) {
      int seconds = BenchmarkReport.seconds(20);
      BareEngine.Figures base;
      try (bare) {
        base = bare.measure(seconds);
      }

      WholeCases cases = new WholeCases(walker, 100_000);
      long casesBefore = completedCases();
      Date started = ClockUtil.getCurrentTime();
      cases.walk(WholeCases.MIX.get(1), 99_999); // warm-up: the first case loads forms, definitions, caches
      String perRoute = WholeCases.trace(cases, sql, name.split(" ")[0]);
      int projectSeconds = BenchmarkReport.seconds(60);
      long tx = commands.transactions();
      int casesBeforeOne = cases.cases();
      Timed one = Timed.run(1, projectSeconds, (thread, k) -> cases.next());
      double txOne = (commands.transactions() - tx) / one.seconds();
      int casesOne = cases.cases() - casesBeforeOne;
      tx = commands.transactions();
      Timed two = Timed.run(2, projectSeconds, (thread, k) -> cases.next());
      double txTwo = (commands.transactions() - tx) / two.seconds();
      int casesTwo = cases.cases() - casesBeforeOne - casesOne;

      // Every case walked ended (archived), the processes beside it too, and nothing failed behind the
      // walk (the job executor's work).
      assertThat(completedCases() - casesBefore).as("cases ended; still running: %s", running())
          .isEqualTo(cases.cases());
      StillRunning left = stillRunning(started);
      assertThat(left.others()).as("processes of the cases still running").isEmpty();
      assertThat(left.followUps()).as("follow-ups of the 终本 cases, waiting for their next query").isPositive();
      assertThat(engine.getRuntimeService().createIncidentQuery().count()).as("incidents").isZero();

      double casesPerSecondOne = casesOne / one.seconds();
      double casesPerSecondTwo = casesTwo / two.seconds();
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("database ceiling: " + ceiling.method() + ", tx/s", figure(ceiling.oneClient()),
          figure(ceiling.twoClients()), "—"));
      rows.add(List.of("bare engine, plain (start + complete, Java API): user tasks/s",
          figure(base.plainOne().perSecond()), figure(base.plainTwo().perSecond()), "—"));
      rows.add(List.of("bare engine, plain: engine tx/s", figure(base.plainTxOne()), figure(base.plainTxTwo()), "—"));
      rows.add(List.of("bare engine, user-style (authorizations: group's query, claim, complete): user tasks/s",
          figure(base.userOne().perSecond()), figure(base.userTwo().perSecond()), "—"));
      rows.add(List.of("bare engine, user-style: engine tx/s", figure(base.userTxOne()), figure(base.userTxTwo()), "—"));
      rows.add(List.of("project, whole cases of the mix: steps/s", figure(one.perSecond()), figure(two.perSecond()),
          target("≥ bare plain user tasks/s", one.perSecond() >= base.plainOne().perSecond()
              && two.perSecond() >= base.plainTwo().perSecond())));
      rows.add(List.of("project: cases/s (cases walked)", figure(casesPerSecondOne) + " (" + casesOne + ")",
          figure(casesPerSecondTwo) + " (" + casesTwo + ")",
          target("20,000 cases < 10 min, i.e. ≥ 33.3/s", Math.max(casesPerSecondOne, casesPerSecondTwo) >= 20_000 / 600.0)));
      rows.add(List.of("project: engine tx/s", figure(txOne), figure(txTwo),
          target("≥ 0.3 × ceiling", txOne >= 0.3 * ceiling.oneClient() && txTwo >= 0.3 * ceiling.twoClients())));
      rows.add(List.of("ratio: project engine tx/s ÷ ceiling", ratio(txOne, ceiling.oneClient()),
          ratio(txTwo, ceiling.twoClients()), "≥ 0.30"));
      rows.add(List.of("ratio: project steps/s ÷ bare plain user tasks/s", ratio(one.perSecond(), base.plainOne().perSecond()),
          ratio(two.perSecond(), base.plainTwo().perSecond()), "≥ 1.00"));
      String mix = WholeCases.MIX.stream().map(WholeCases.Route::name).distinct()
          .map(route -> route + " ×" + WholeCases.MIX.stream().filter(r -> r.name().equals(route)).count())
          .reduce((a, b) -> a + "; " + b).orElseThrow();
      BenchmarkReport.section("Procedure: " + name,
          "Timed runs: bare engine " + seconds + " s, project " + projectSeconds + " s per thread count; job executor on. "
              + "Targets are PostgreSQL's (issue 18 §2); the ratios compare like thread counts.\n\n"
              + BenchmarkReport.table(List.of("figure", "1 thread", "2 threads", "target"), rows)
              + "\nThe mix, of every " + WholeCases.MIX.size() + " cases: " + mix + ".\n\n"
              + "One case of each route (the resumed one with its 执恢 case), every JDBC statement counted (the ordinary one's in `target/benchmark-sql-"
              + name.split(" ")[0] + ".txt`):\n\n"
              + "| route | steps | statements | round trips | commits |\n|---|---|---|---|---|\n" + perRoute);
    }

    /** The cases still running, with where they wait: what a failed check shows. */
    private List<String> running() {
      return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
          .list().stream().map(i -> i.getBusinessKey() + " at "
              + engine.getRuntimeService().getActiveActivityIds(i.getId())).toList();
    }

    /**
     * The processes of the walked cases (and of the cases resumed from them) started since
     * {@code started} that still run, with where they wait. A 终本 case's follow-up waiting for its
     * next six-monthly query runs on by design, for five years: counted apart.
     */
    private StillRunning stillRunning(Date started) {
      List<String> others = new ArrayList<>();
      int followUps = 0;
      for (HistoricProcessInstance instance : engine.getHistoryService().createHistoricProcessInstanceQuery()
          .startedAfter(started).unfinished().processInstanceBusinessKeyLike(OUR_CASES).list()) {
        List<String> waiting = engine.getRuntimeService().getActiveActivityIds(instance.getId());
        if (FOLLOW_UP.equals(instance.getProcessDefinitionKey()) && waiting.equals(List.of(FOLLOW_UP_WAITS))) {
          followUps++;
        } else {
          others.add(instance.getProcessDefinitionKey() + " " + instance.getBusinessKey() + " at " + waiting);
        }
      }
      return new StillRunning(others, followUps);
    }

    record StillRunning(List<String> others, int followUps) {}

    private long completedCases() {
      return engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey(CaseVariables.PROCESS_KEY).completed().count();
    }

    private static String ratio(double value, double base) {
      return String.format(java.util.Locale.ROOT, "%.3f", value / base);
    }
  }

  @TestConfiguration
  static class Counting {
    @Bean
    static StatementCounter statementCounter() {
      return new StatementCounter();
    }

    @Bean
    static CommandCounter commandCounter() {
      return new CommandCounter();
    }
  }

  @Nested
  @Tag("h2")
  @SpringBootTest(properties = "camunda.bpm.job-execution.enabled=true")
  @Import(Counting.class)
  class OnH2InMemory extends Run {
    @Test
    void procedure() {
      measure("H2 (in memory)", DatabaseCeiling.jdbc(dataSource),
          new BareEngine("jdbc:h2:mem:bare-engine;DB_CLOSE_DELAY=-1", "org.h2.Driver", "sa"));
    }
  }

  @Nested
  @Tag("postgres")
  @SpringBootTest(properties = "camunda.bpm.job-execution.enabled=true")
  @Import(Counting.class)
  @TestPropertySource(properties = {
      "spring.datasource.url=" + PostgresDatabase.SERVER + PG_DATABASE,
      "spring.datasource.username=postgres"})
  class OnPostgres extends Run {
    static {
      PostgresDatabase.recreate(PG_DATABASE);
    }

    @Test
    void procedure() {
      Ceiling ceiling = DatabaseCeiling.postgres(dataSource);
      PostgresDatabase.recreate(PG_BARE_DATABASE);
      measure("PostgreSQL (localhost)", ceiling,
          new BareEngine(PostgresDatabase.SERVER + PG_BARE_DATABASE, "org.postgresql.Driver", "postgres"));
    }
  }
}
