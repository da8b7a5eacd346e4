package cn.court.enforcement.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.demo.CaseWalker;
import cn.court.enforcement.demo.DemoCases;
import cn.court.enforcement.demo.DemoCases.DemoCase;
import cn.court.enforcement.support.StatementCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

@SpringBootTest
@Import(StatementsPerCaseTest.Counting.class)
class StatementsPerCaseTest {

  @TestConfiguration
  static class Counting {
    @Bean
    static StatementCounter statementCounter() {
      return new StatementCounter();
    }
  }

  private static final LocalDate FILED = LocalDate.of(2026, 5, 6);
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @Autowired CaseWalker walker;
  @Autowired StatementCounter sql;

  private void walk(int serial) {
    DemoCase c = new DemoCase(serial, FILED, r -> DemoCases.toTeam(r).interviewBothParties()
        .proposeClosure("fully-performed", null).registerClosure().archive("档-2026-执-O"));
    walker.file(c.filing(), serial);
    walker.walk(c.caseNumber(), c.steps(TODAY), serial);
  }

  @Test
  void anOrdinaryCase() throws Exception {
    walk(8801);
    sql.reset();
    sql.trace();
    walk(8803);
    Files.write(Path.of("target", "statements-ordinary.txt"), sql.traced());
    System.out.println("STATEMENTS " + sql.statements() + " ROUNDTRIPS " + sql.roundTrips() + " COMMITS " + sql.commits());
    System.out.println("BREAKDOWN " + sql.breakdown(80));
    var hist = org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine().getHistoryService();
    for (var pi : hist.createHistoricProcessInstanceQuery().processInstanceBusinessKey(cn.court.enforcement.demo.DemoFilings.caseNumber(8803)).list()) {
      for (var v : hist.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list()) {
        System.out.println("VAR " + pi.getProcessDefinitionKey() + " " + v.getName() + " scope=" + (v.getActivityInstanceId().equals(pi.getId()) ? "instance" : v.getActivityInstanceId()) + " task=" + v.getTaskId() + " state=" + v.getState());
      }
    }
    assertThat(sql.statements()).isPositive();
  }
}
