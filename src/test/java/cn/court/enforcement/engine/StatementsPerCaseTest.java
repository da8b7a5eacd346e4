package cn.court.enforcement.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.demo.CaseWalker;
import cn.court.enforcement.demo.DemoCases;
import cn.court.enforcement.demo.DemoCases.DemoCase;
import cn.court.enforcement.support.StatementCounter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What one ordinary case costs in SQL, walked as the staff would (CaseWalker: each step's query,
 * candidate-group look-up, claim and form submission), so that a change which adds statements to
 * every case is seen here rather than in a benchmark run (docs/benchmarks.md, "Statements per
 * case"). The budget is the count measured when it was last lowered, with a little room.
 */
@SpringBootTest
@Import(StatementsPerCaseTest.Counting.class)
class StatementsPerCaseTest {

  /** 1,296 measured on 2026-12-06 (1,447 at the start of that session; 1,887 before issue 10). */
  private static final int BUDGET = 1_310;
  private static final LocalDate FILED = LocalDate.of(2026, 5, 6);
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @TestConfiguration
  static class Counting {
    @Bean
    static StatementCounter statementCounter() {
      return new StatementCounter();
    }
  }

  @Autowired CaseWalker walker;
  @Autowired StatementCounter sql;

  @Test
  void anOrdinaryCaseStaysWithinItsStatementBudget() {
    walk(8801); // the first case loads forms, definitions and caches
    sql.reset();
    sql.trace();
    walk(8803);

    List<String> traced = sql.traced();
    assertThat(sql.statements()).as("statements of one ordinary case; by kind: %s", sql.breakdown(20))
        .isLessThanOrEqualTo(BUDGET);
    assertThat(traced).as("no start time read back, no removal time stamped")
        .noneMatch(statement -> statement.contains(".START_TIME_ from") || statement.contains("set REMOVAL_TIME_"));
    long taskVariableLoads = traced.stream().filter(statement -> statement.endsWith("FROM ACT_RU_VARIABLE RES LEFT JOIN "
        + "ACT_RU_EXECUTION EXECUTION ON RES.EXECUTION_ID_ = EXECUTION.ID_ LEFT JOIN ACT_RU_EXECUTION PARENT_EXECUTION "
        + "ON EXECUTION.PARENT_ID_ = PARENT_EXECUTION.ID_ WHERE TASK_ID_ = ?")).count();
    long completions = traced.stream().filter(statement -> statement.contains("delete from ACT_RU_TASK"))
        .mapToLong(statement -> Long.parseLong(statement.substring(0, statement.indexOf(' ')))).sum();
    assertThat(taskVariableLoads).as("a task's own variables are read when it is submitted, not when it is created")
        .isEqualTo(completions);
  }

  private void walk(int serial) {
    DemoCase c = new DemoCase(serial, FILED, r -> DemoCases.toTeam(r).interviewBothParties()
        .proposeClosure("fully-performed", null).registerClosure().archive("档-2026-执-O"));
    walker.file(c.filing(), serial);
    walker.walk(c.caseNumber(), c.steps(TODAY), serial);
  }
}
