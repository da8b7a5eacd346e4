package cn.court.enforcement.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.support.PostgresDatabase;
import cn.court.enforcement.support.StatementCounter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A completed task's, activity's and process instance's history row has its start time, end time and
 * duration, written without the start-time look-up Camunda's handler makes before every such update
 * (on H2 here, on PostgreSQL in {@link OnPostgres}); history written earlier in the same transaction
 * is still updated (the engine's cache-aware producer stays).
 */
class HistoryEndsTest {

  private static final String PG_DATABASE = "enforcement_history_ends";

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
  void aCompletedTaskItsActivityAndItsInstanceKeepStartEndAndDurationWithoutReadingTheirStartBack() {
    engine = engine("history-ends");
    finishedWithoutLookUps(engine, sql);
  }

  /** The same on PostgreSQL, whose update computes the duration with its own date arithmetic. */
  @Nested
  class OnPostgres {
    @Test
    void theDatabaseComputesTheSameDurations() {
      PostgresDatabase.recreate(PG_DATABASE);
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setURL(PostgresDatabase.SERVER + PG_DATABASE);
      postgres.setUser("postgres");
      engine = engine("history-ends-postgres", postgres);
      finishedWithoutLookUps(engine, sql);
    }
  }

  @Test
  void aCamundaVersionWhoseUpdateChangedStopsTheStart() {
    String camunda = MapperPatches.read(HistoryEnds.ACTIVITY_MAPPING);
    assertThat(HistoryEnds.patches().get(HistoryEnds.ACTIVITY_MAPPING).apply(camunda)).contains("DATEDIFF(MILLISECOND, START_TIME_");
    assertThatThrownBy(() -> HistoryEnds.patches().get(HistoryEnds.ACTIVITY_MAPPING)
        .apply(camunda.replace("DURATION_ = #{durationInMillis", "DURATION_ = #{duration")))
        .hasMessageContaining("review the patches of cn.court.enforcement.engine");
  }

  private static void finishedWithoutLookUps(ProcessEngine engine, StatementCounter sql) {
    engine.getRepositoryService().createDeployment().addClasspathResource("visibility-probe.bpmn").deploy();
    Date created = new Date(1_764_547_200_123L); // 2026-12-01 00:00:00.123 UTC
    ClockUtil.setCurrentTime(created);
    String instance = engine.getRuntimeService().startProcessInstanceByKey("visibility-probe", Map.of("group", "intake")).getId();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();

    ClockUtil.setCurrentTime(new Date(created.getTime() + 90_456));
    sql.reset();
    sql.trace();
    engine.getTaskService().complete(task);

    HistoricTaskInstance history = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task).singleResult();
    assertThat(history.getStartTime()).isEqualTo(created);
    assertThat(history.getEndTime()).isEqualTo(new Date(created.getTime() + 90_456));
    assertThat(history.getDurationInMillis()).isEqualTo(90_456L);
    assertThat(history.getDeleteReason()).isEqualTo("completed");
    HistoricActivityInstance activity = engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(instance).activityId("Task_GroupWork").singleResult();
    assertThat(activity.getStartTime()).isEqualTo(created);
    assertThat(activity.getEndTime()).isEqualTo(new Date(created.getTime() + 90_456));
    assertThat(activity.getDurationInMillis()).isEqualTo(90_456L);
    HistoricProcessInstance process = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(instance).singleResult();
    assertThat(process.getEndTime()).isEqualTo(new Date(created.getTime() + 90_456));
    assertThat(process.getDurationInMillis()).isEqualTo(90_456L);
    assertThat(sql.traced()).noneMatch(statement -> statement.contains(".START_TIME_ from"))
        .anyMatch(statement -> statement.toLowerCase().contains("update act_hi_taskinst"))
        .anyMatch(statement -> statement.toLowerCase().contains("update act_hi_actinst"))
        .anyMatch(statement -> statement.toLowerCase().contains("update act_hi_procinst"));
  }

  @Test
  void aTaskEndedWithItsCaseKeepsItsDurationToo() {
    engine = engine("history-ends-deleted");
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
    engine = engine("history-ends-same-transaction");
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
    return engine(name, h2);
  }

  private ProcessEngine engine(String name, DataSource database) {
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setDataSource((DataSource) sql.postProcessAfterInitialization(database, "dataSource"));
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setHistory("full");
    configuration.setJobExecutorActivate(false);
    configuration.getProcessEnginePlugins().add(new HistoryEnds());
    configuration.getProcessEnginePlugins().add(new MapperPatches(HistoryEnds.patches()));
    return configuration.buildProcessEngine();
  }
}
