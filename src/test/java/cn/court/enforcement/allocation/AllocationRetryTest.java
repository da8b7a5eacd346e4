package cn.court.enforcement.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.EnforcementApplication;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/** The wired application: a failed and retried allocation job keeps its first draw. */
@SpringBootTest(classes = {EnforcementApplication.class, AllocationRetryTest.Beans.class},
    properties = {
        "spring.datasource.url=jdbc:h2:mem:allocation-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.authorization.enabled=false",
        "court.allocation.unavailable.ordinary-team-3=全员外出培训"})
class AllocationRetryTest {

  @TestConfiguration
  static class Beans {
    /** Fails the job once, right after the draw was committed. */
    @Bean
    JavaDelegate failOnceAfterDraw() {
      AtomicBoolean failed = new AtomicBoolean();
      return execution -> {
        if (!failed.getAndSet(true)) {
          throw new IllegalStateException("下游步骤临时故障（测试）");
        }
      };
    }

    /** Gives a different number on every call, so a second draw would pick another team. */
    @Bean
    @Primary
    DrawSource cyclingDrawSource() {
      AtomicInteger calls = new AtomicInteger();
      return bound -> calls.getAndIncrement() % bound;
    }
  }

  @Autowired
  private RuntimeService runtimeService;
  @Autowired
  private ManagementService managementService;
  @Autowired
  private TaskService taskService;
  @Autowired
  private RepositoryService repositoryService;
  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private AllocationDrawRepository draws;
  @Autowired
  private ChainVerifier verifier;

  /** The process archive scans only the main classpath root: deploy the test diagram here. */
  @BeforeEach
  void deployTestProcess() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("allocation-retry")
        .count() == 0) {
      repositoryService.createDeployment().addClasspathResource("allocation-retry.bpmn").deploy();
    }
  }

  @Test
  void aRetriedJobReusesTheFirstDraw() {
    String caseNumber = "（2026）豫0000执1001号";
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("allocation-retry",
        caseNumber, Variables.createVariables()
            .putValueTyped("conflictTeams", SpinValues.jsonValue("[\"ordinary-team-1\"]").create())
            .putValue("conflictReason", "承办人与申请人系同学"));
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();

    assertThatThrownBy(() -> managementService.executeJob(job.getId()))
        .hasMessageContaining("下游步骤临时故障");
    managementService.executeJob(job.getId());

    DrawRecord draw = draws.findByCaseNumber(caseNumber).orElseThrow();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM allocation_draw WHERE case_number = ?",
        Long.class, caseNumber)).isOne();
    assertThat(draw.chosenTeam()).isNotIn("ordinary-team-1", "ordinary-team-3");
    assertThat(draw.excluded()).contains("回避：承办人与申请人系同学", "暂停分案：全员外出培训");
    assertThat(runtimeService.getVariable(instance.getId(), "handlingTeam")).isEqualTo(draw.chosenTeam());
    assertThat(runtimeService.getVariable(instance.getId(), "allocationDrawId")).isEqualTo(draw.id());
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("UserTask_TeamEnforcement");
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(draw.chosenTeam()));
    assertThat(verifier.verify().ok()).isTrue();
  }

  @Test
  void noEligibleTeamGoesToTheBureauLeaders() {
    String caseNumber = "（2026）豫0000执1002号";
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("allocation-retry",
        caseNumber, Variables.createVariables().putValue("conflictTeams",
            "ordinary-team-1,ordinary-team-2,ordinary-team-3,ordinary-team-4,ordinary-team-5"));
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();

    managementService.executeJob(job.getId());

    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("UserTask_AssignTeamByLeaders");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM allocation_draw WHERE case_number = ?",
        Long.class, caseNumber)).isZero();
  }
}
