package cn.court.enforcement.termination;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.support.PostgresDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two resumption requests for one terminated case, approved at the same moment on PostgreSQL,
 * start one new case: the old case's row lock makes the second wait and find the first's case.
 * Two cases resumed at once get different 执恢 numbers. In a database created for this run; fails,
 * never skips, without the server.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=" + ResumptionPostgresTest.URL,
    "spring.datasource.username=postgres",
    "camunda.bpm.job-execution.enabled=false"})
class ResumptionPostgresTest {

  static final String DATABASE = "enforcement_resumption";
  static final String URL = PostgresDatabase.SERVER + DATABASE;

  static {
    PostgresDatabase.recreate(DATABASE);
  }

  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired CaseRegistry cases;
  @Autowired ResumptionRegistry resumptions;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void twoRequestsApprovedAtOnceStartOneNewCase() throws Exception {
    ResumptionFlow flow = new ResumptionFlow(runtime, tasks, identity, management, cases);
    String caseNumber = "（2024）豫0000执7301号";
    flow.terminatedCase(caseNumber, LocalDate.of(2024, 1, 8), LocalDate.of(2024, 6, 3));
    ClockUtil.reset();
    String first = flow.apply(caseNumber);
    String second = flow.apply(caseNumber);

    List<String> resumed = approveAtOnce(flow, first, second);

    assertThat(resumed).containsOnly(resumptions.resumedAs(caseNumber).orElseThrow());
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("enforcement-case")
        .variableValueEquals(ResumptionVariables.RESUMED_FROM, caseNumber).count()).isOne();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("enforcement-case")
        .processInstanceBusinessKey(resumed.get(0)).count()).isEqualTo(1);
    assertThat(List.of(first, second)).extracting(this::alreadyResumed).containsExactlyInAnyOrder(true, false);
  }

  @Test
  void twoCasesResumedAtOnceGetTwoNumbers() throws Exception {
    ResumptionFlow flow = new ResumptionFlow(runtime, tasks, identity, management, cases);
    flow.terminatedCase("（2024）豫0000执7311号", LocalDate.of(2024, 1, 8), LocalDate.of(2024, 6, 3));
    flow.terminatedCase("（2024）豫0000执7312号", LocalDate.of(2024, 1, 8), LocalDate.of(2024, 6, 3));
    ClockUtil.reset();
    String first = flow.apply("（2024）豫0000执7311号");
    String second = flow.apply("（2024）豫0000执7312号");

    List<String> resumed = approveAtOnce(flow, first, second);

    assertThat(resumed).doesNotHaveDuplicates().allMatch(n -> n.contains("执恢"));
  }

  /** Both reviews completed by two threads released together; the new case numbers they produced. */
  private List<String> approveAtOnce(ResumptionFlow flow, String first, String second) throws Exception {
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> results = threads.invokeAll(List.of(first, second).stream()
          .map(instance -> (Callable<String>) () -> {
            together.await(10, TimeUnit.SECONDS);
            flow.approve(instance);
            return resumptions.resumedAs(caseOf(instance)).orElseThrow();
          }).toList());
      return List.of(results.get(0).get(), results.get(1).get());
    } finally {
      threads.shutdownNow();
    }
  }

  private Object alreadyResumed(String resumption) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(resumption)
        .variableName(ResumptionVariables.ALREADY_RESUMED).singleResult().getValue();
  }

  private String caseOf(String resumption) {
    return jdbc.queryForObject("select business_key_ from act_hi_procinst where id_ = ?", String.class, resumption);
  }
}
