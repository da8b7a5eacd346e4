package cn.court.enforcement.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.calendar.TimeLimitParseListener;
import cn.court.enforcement.support.StatementCounter;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a limited node costs (issue 10): the limit's name is read from the parsed diagram, no
 * task variable holds it; the node-deadline table is touched when a task ends only if
 * escalation may have recorded it. A task held to two limits, filed Mon 2 Mar 2026 and created
 * Fri 6 Mar: 审查终本条件 (5 working days, Fri 13 Mar) and ten days from filing (Thu 12 Mar).
 */
@TimeLimitsSpringTest
class NodeLimitsTest {

  private static final ZoneId COURT = ZoneId.of("Asia/Shanghai");
  private static final String DIAGRAM = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="node-limits-test" targetNamespace="test">
        <bpmn:process id="node-limits" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="start" />
          <bpmn:sequenceFlow id="toWork" sourceRef="start" targetRef="work" />
          <bpmn:userTask id="work" name="审查终本条件" camunda:candidateGroups="termination">
            <bpmn:extensionElements>
              <camunda:properties>
                <camunda:property name="timeLimit" value="termination-review, execution-notice-from-filing" />
              </camunda:properties>
            </bpmn:extensionElements>
          </bpmn:userTask>
          <bpmn:sequenceFlow id="toEnd" sourceRef="work" targetRef="end" />
          <bpmn:endEvent id="end" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired StatementCounter sql;

  @TestConfiguration
  static class Counting {
    @Bean
    static StatementCounter statementCounter() {
      return new StatementCounter();
    }
  }

  @BeforeEach
  void clean() {
    SweepTestSupport.startClean(runtime, jdbc);
    if (repository.createProcessDefinitionQuery().processDefinitionKey("node-limits").count() == 0) {
      repository.createDeployment().addString("node-limits.bpmn", DIAGRAM).deploy();
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Date at(String dateTime) {
    return Date.from(LocalDateTime.parse(dateTime).atZone(COURT).toInstant());
  }

  private Task start(String caseNumber) {
    String instance = runtime.startProcessInstanceByKey("node-limits", caseNumber, Map.of("filingDate", "2026-03-02"))
        .getId();
    return tasks.createTaskQuery().processInstanceId(instance).singleResult();
  }

  @Test
  void noVariableHoldsTheLimitAndTheSweepRecordsTheOneThatSetTheDueDate() {
    ClockUtil.setCurrentTime(at("2026-03-06T10:00"));
    Task task = start("（2026）豫0000执7101号");
    assertThat(task.getDueDate()).isEqualTo(at("2026-03-12T23:59:59"));
    assertThat(tasks.getVariablesLocal(task.getId())).isEmpty();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .variableName("timeLimit").count()).isZero();
    assertThat(TimeLimitParseListener.limitsOf(repository.getProcessDefinition(task.getProcessDefinitionId()), "work"))
        .containsExactly("termination-review", "execution-notice-from-filing");

    SweepTestSupport.sweepAt(management, at("2026-03-13T00:05"));
    assertThat(jdbc.queryForObject("select time_limit from court_node_deadline where task_id = ? and overdue_at is not null",
        String.class, task.getId())).isEqualTo("execution-notice-from-filing");
  }

  @Test
  void aDiagramNamingAnUnknownOrNoLimitIsNotDeployed() {
    String unknown = DIAGRAM.replace("id=\"node-limits\"", "id=\"node-limits-unknown\"")
        .replace("termination-review, execution-notice-from-filing", "termination-review, no-such-limit");
    assertThatThrownBy(() -> repository.createDeployment().addString("unknown.bpmn", unknown).deploy())
        .hasMessageContaining("用户任务 work（审查终本条件）").hasMessageContaining("'no-such-limit'")
        .hasMessageContaining("termination-review");
    String none = unknown.replace("termination-review, no-such-limit", " , ");
    assertThatThrownBy(() -> repository.createDeployment().addString("none.bpmn", none).deploy())
        .hasMessageContaining("timeLimit 属性没有写时限名称");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("node-limits-unknown").count()).isZero();
  }

  @Test
  void aTaskEndsWithoutAStatementOnTheTableUnlessEscalationMayHaveRecordedIt() {
    ClockUtil.setCurrentTime(at("2026-03-06T10:00"));
    Task early = start("（2026）豫0000执7102号");
    Task late = start("（2026）豫0000执7103号");
    sql.reset();
    // due Thu 12 Mar, reminded from Wed 11 Mar: nothing can have been recorded yet
    tasks.complete(early.getId());
    assertThat(sql.perTable()).doesNotContainKey("court_node_deadline");

    SweepTestSupport.sweepAt(management, at("2026-03-13T00:05"));
    sql.reset();
    tasks.complete(late.getId());
    assertThat(sql.perTable()).containsEntry("court_node_deadline", 1L);
    assertThat(jdbc.queryForObject("select ended_at from court_node_deadline where task_id = ?", Date.class,
        late.getId()).getTime()).isEqualTo(at("2026-03-13T00:05").getTime());
  }
}
