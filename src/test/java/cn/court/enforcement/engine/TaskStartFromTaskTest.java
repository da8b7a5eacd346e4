package cn.court.enforcement.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.support.StatementCounter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A completed task's history row has its start time, end time and duration, written without the
 * start-time look-up Camunda's handler makes before every task-history update; history written
 * earlier in the same transaction is still updated (the engine's cache-aware producer stays).
 */
class TaskStartFromTaskTest {

  private final StatementCounter sql = new StatementCounter();
  private ProcessEngine engine;

  @AfterEach
  void close() {
    ClockUtil.reset();
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void aCompletedTaskKeepsStartEndAndDurationWithoutReadingItsStartBack() {
    engine = engine("task-start-from-task");
    engine.getRepositoryService().createDeployment().addClasspathResource("visibility-probe.bpmn").deploy();
    Date created = new Date(1_764_547_200_000L); // 2026-12-01 00:00 UTC
    ClockUtil.setCurrentTime(created);
    String instance = engine.getRuntimeService().startProcessInstanceByKey("visibility-probe", Map.of("group", "intake")).getId();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();

    ClockUtil.setCurrentTime(new Date(created.getTime() + 90_000));
    sql.reset();
    sql.trace();
    engine.getTaskService().complete(task);

    HistoricTaskInstance history = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task).singleResult();
    assertThat(history.getStartTime()).isEqualTo(created);
    assertThat(history.getEndTime()).isEqualTo(new Date(created.getTime() + 90_000));
    assertThat(history.getDurationInMillis()).isEqualTo(90_000L);
    assertThat(history.getDeleteReason()).isEqualTo("completed");
    assertThat(sql.traced()).noneMatch(statement -> statement.contains("HTI.START_TIME_"))
        .anyMatch(statement -> statement.toLowerCase().contains("update act_hi_taskinst"));
  }

  @Test
  void aTaskEndedWithItsCaseKeepsItsDurationToo() {
    engine = engine("task-start-from-task-deleted");
    engine.getRepositoryService().createDeployment().addClasspathResource("visibility-probe.bpmn").deploy();
    Date created = new Date(1_764_547_200_000L);
    ClockUtil.setCurrentTime(created);
    String instance = engine.getRuntimeService().startProcessInstanceByKey("visibility-probe", Map.of("group", "intake")).getId();

    ClockUtil.setCurrentTime(new Date(created.getTime() + 5_000));
    engine.getRuntimeService().deleteProcessInstance(instance, "撤销");

    List<HistoricTaskInstance> history = engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(instance).list();
    assertThat(history).singleElement().satisfies(task -> {
      assertThat(task.getStartTime()).isEqualTo(created);
      assertThat(task.getDurationInMillis()).isEqualTo(5_000L);
      assertThat(task.getDeleteReason()).isEqualTo("撤销");
    });
  }

  @Test
  void historyWrittenEarlierInTheSameTransactionIsStillUpdated() {
    engine = engine("task-start-from-task-same-transaction");
    BpmnModelInstance model = Bpmn.createExecutableProcess("same-transaction").camundaHistoryTimeToLive(1)
        .startEvent().camundaExecutionListenerExpression("end", "${execution.setProcessBusinessKey('（2026）豫0105执1号')}")
        .serviceTask("Task_Service").camundaExpression("${true}")
        .userTask("Task_Wait").endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance("same-transaction.bpmn", model).deploy();
    String instance = engine.getRuntimeService().startProcessInstanceByKey("same-transaction").getId();

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey("（2026）豫0105执1号").singleResult()).as("business key set by a start listener")
        .isNotNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
        .activityId("Task_Service").finished().count()).as("service task ended in the start transaction").isEqualTo(1);
  }

  private ProcessEngine engine(String name) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setDataSource((DataSource) sql.postProcessAfterInitialization(h2, "dataSource"));
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setHistory("full");
    configuration.setJobExecutorActivate(false);
    configuration.getProcessEnginePlugins().add(new TaskStartFromTask());
    return configuration.buildProcessEngine();
  }
}
