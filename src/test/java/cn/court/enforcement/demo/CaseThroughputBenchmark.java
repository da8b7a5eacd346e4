package cn.court.enforcement.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.support.PostgresDatabase;
import cn.court.enforcement.support.StatementCounter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark, not part of the suite (the name does not end in Test): N whole ordinary cases,
 * filing to archiving (about 25 user tasks, the allocation job and the call activities each),
 * walked through the Java API as the demo staff, one thread. Prints cases/s and tasks/s.
 *
 * <pre>mvn -B -ntp test -Dtest='CaseThroughputBenchmark*' -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.cases=100</pre>
 */
class CaseThroughputBenchmark {

  static final int CASES = Integer.getInteger("benchmark.cases", 100);
  static final String PG_DATABASE = "enforcement_bench";

  abstract static class Run {

    @Autowired CaseWalker walker;
    @Autowired HistoryService history;
    @Autowired StatementCounter sql;

    void measure(String database) {
      LocalDate today = LocalDate.of(2026, 11, 25);
      DemoCases.DemoCase template = DemoCases.all(today).get(DemoCases.all(today).size() - 1);
      walk(template, 90_000, 10, today); // warm-up
      sql.reset();
      sql.trace();
      walk(template, 89_999, 10, today);
      writeTrace(database);
      System.out.printf("BENCHMARK %s: one case = %d statements in %d round trips, %d commits; %s%n",
          database, sql.statements(), sql.roundTrips(), sql.commits(), sql.breakdown(80));
      List<Long> millis = new ArrayList<>();
      int steps = 0;
      long start = System.nanoTime();
      for (int k = 0; k < CASES; k++) {
        long t = System.nanoTime();
        steps += walk(template, 91_000 + k, k, today);
        millis.add((System.nanoTime() - t) / 1_000_000);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      millis.sort(null);
      System.out.printf("BENCHMARK %s: %d whole cases in %.1f s = %.2f cases/s, %.0f steps/s; per case p50 %d ms, p95 %d ms%n",
          database, CASES, seconds, CASES / seconds, steps / seconds,
          millis.get(CASES / 2), millis.get((int) (CASES * 0.95)));
      assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("enforcement-case")
          .completed().count()).isEqualTo(CASES + 2);
    }

    /** The statements of one case, one per line, under target/ (to see where the work goes). */
    private void writeTrace(String database) {
      try {
        java.nio.file.Files.write(java.nio.file.Path.of("target", "benchmark-sql-" + database.split(" ")[0] + ".txt"),
            sql.traced());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private int walk(DemoCases.DemoCase template, int serial, int pick, LocalDate today) {
      DemoCases.DemoCase c = new DemoCases.DemoCase(serial, template.filed(), template.route());
      walker.file(c.filing(), pick);
      List<Step> steps = c.steps(today);
      walker.walk(c.caseNumber(), steps, pick);
      return steps.size() + 1;
    }
  }

  @TestConfiguration
  static class Counting {
    @Bean
    static StatementCounter statementCounter() {
      return new StatementCounter();
    }
  }

  @Nested
  @SpringBootTest
  @Import(Counting.class)
  class OnH2InMemory extends Run {
    @Test
    void wholeCases() {
      measure("H2 (in memory)");
    }
  }

  @Nested
  @SpringBootTest
  @Import(Counting.class)
  @TestPropertySource(properties = {
      "spring.datasource.url=" + PostgresDatabase.SERVER + PG_DATABASE,
      "spring.datasource.username=postgres"})
  class OnPostgres extends Run {
    static {
      PostgresDatabase.recreate(PG_DATABASE);
    }

    @Test
    void wholeCases() {
      measure("PostgreSQL 15 (localhost)");
    }
  }
}
