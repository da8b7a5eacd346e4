package cn.court.enforcement.disposal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.calendar.CaseClock;
import cn.court.enforcement.calendar.Deadlines;
import cn.court.enforcement.casefile.ClosureCondition;
import cn.court.enforcement.escalation.TimeLimitsSpringTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The disposal inside the real application: the deployed diagram, decision and forms, the beans by
 * their names, the organisation file, the time-limit table on the tasks, and the closure condition
 * among the case's.
 */
@TimeLimitsSpringTest
class DisposalApplicationTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired CaseClock clock;
  @Autowired Deadlines deadlines;
  @Autowired DisposalProperties properties;
  @Autowired List<ClosureCondition> closureConditions;
  @Autowired JdbcTemplate jdbc;

  private String probeDeployment;
  private String disposal;

  /** The shared context's other tests see neither the probe nor this disposal. */
  @AfterEach
  void reset() {
    ClockUtil.reset();
    if (disposal != null) {
      runtime.deleteProcessInstance(disposal, "test over");
    }
    if (probeDeployment != null) {
      repository.deleteDeployment(probeDeployment, true);
    }
  }

  @Test
  void aDisposalRunsOnTheApplicationsBeansAndLimits() {
    ClockUtil.setCurrentTime(DisposalFlow.date(LocalDateTime.of(2026, 6, 1, 9, 0)));
    String caseNumber = "（2026）豫0105执9901号";
    clock.register(caseNumber, LocalDate.of(2026, 5, 6), false);
    probeDeployment = repository.createDeployment().addClasspathResource("disposal-report-probe.bpmn").deploy().getId();
    String caseInstance = runtime.startProcessInstanceByKey("disposal-report-probe", caseNumber).getId();
    disposal = runtime.createProcessInstanceByKey(DisposalVariables.PROCESS_KEY).businessKey(caseNumber)
        .setVariables(Map.of("caseNumber", caseNumber, "caseInstanceId", caseInstance, "handlingTeam", "ordinary-team-2",
            "propertyKind", "real-estate", "assetDescription", "某小区3号楼2单元501室", "assetComplex", false,
            "assetOccupied", false))
        .execute().getId();

    Task choose = tasks.createTaskQuery().processInstanceId(disposal).singleResult();
    assertThat(choose.getTaskDefinitionKey()).isEqualTo("Task_ChooseReferenceMethod");
    assertThat(choose.getAssignee()).isEqualTo("zhanghaitong");
    // 第一条 of the reference-price rule: within 30 days.
    assertThat(choose.getDueDate()).isEqualTo(deadlines.endOf(LocalDate.of(2026, 7, 1)));
    assertThat(closureConditions).anySatisfy(condition -> assertThat(condition.refusal(caseNumber, "fully-performed"))
        .hasValueSatisfying(message -> assertThat(message).contains("财产处置尚未完成", "某小区3号楼2单元501室")));

    tasks.complete(choose.getId(), Map.of("referenceMethod", "appraisal", "groundAppraisal", "parties-request"));
    Task select = tasks.createTaskQuery().processInstanceId(disposal).singleResult();
    assertThat(select.getTaskDefinitionKey()).isEqualTo("Task_SelectAppraisers");
    // 法发〔2006〕35号 第七条: the institution chosen within 10 days.
    assertThat(select.getDueDate()).isEqualTo(deadlines.endOf(LocalDate.of(2026, 6, 11)));
    tasks.complete(select.getId(), Map.of("appraiserSelection", "random"));
    String candidates = jdbc.queryForObject("select candidates from asset_disposal_appraiser_draw where process_instance_id = ?",
        String.class, disposal);
    assertThat(candidates.split("\n")).containsExactlyElementsOf(properties.appraisers());
    assertThat(clock.state(caseNumber).pauses()).singleElement()
        .satisfies(pause -> assertThat(pause.startedBy()).isEqualTo("登记评估报告"));
  }
}
