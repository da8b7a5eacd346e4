package cn.court.enforcement.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.support.StatementCounter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An ending process instance's variables go in one statement, byte arrays and all; a scope that
 * ends inside a running instance keeps Camunda's deletes by id and revision.
 */
class BulkVariableDeletesTest {

  private static final String BULK = "delete from ACT_RU_VARIABLE where PROC_INST_ID_ = ?";
  private static final String SINGLE = "delete from ACT_RU_VARIABLE where ID_ = ? and REV_ = ?";

  private final StatementCounter sql = new StatementCounter();
  private final JdbcDataSource h2 = new JdbcDataSource();
  private ProcessEngine engine;

  @BeforeEach
  void build() {
    h2.setURL("jdbc:h2:mem:bulk-variable-deletes;DB_CLOSE_DELAY=-1");
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("bulk-variable-deletes");
    configuration.setDataSource((DataSource) sql.postProcessAfterInitialization(h2, "dataSource"));
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("none"); // history keeps its own copy of a variable's bytes
    configuration.getProcessEnginePlugins().add(new BulkVariableDeletes());
    configuration.getProcessEnginePlugins().add(new MapperPatches(BulkVariableDeletes.patches()));
    engine = configuration.buildProcessEngine();
    // A sub-process with a local variable, then a user task outside it.
    BpmnModelInstance model = Bpmn.createExecutableProcess("bulk").camundaHistoryTimeToLive(1).startEvent()
        .subProcess().embeddedSubProcess().startEvent()
        .userTask("Task_Inside").camundaInputParameter("inside", "${'local'}").endEvent().subProcessDone()
        .userTask("Task_After").endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance("bulk.bpmn", model).deploy();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void anEndingInstanceDeletesItsVariablesInOneStatementAndAScopeInsideItOneByOne() throws SQLException {
    String instance = start();

    sql.reset();
    sql.trace();
    complete("Task_Inside");
    assertThat(sql.traced()).as("the sub-process's local variable, the instance runs on")
        .noneMatch(statement -> statement.endsWith(BULK));
    assertThat(variables(instance)).isEqualTo(3);

    sql.reset();
    sql.trace();
    complete("Task_After");
    assertThat(sql.traced()).anyMatch(statement -> statement.equals("1 " + BULK))
        .noneMatch(statement -> statement.endsWith(SINGLE));
    assertThat(variables(instance)).isZero();
    assertThat(byteArrays()).as("the byte-array variable's bytes").isZero();
  }

  @Test
  void aCancelledInstanceLeavesNoVariableOrBytesBehind() throws SQLException {
    String instance = start();

    engine.getRuntimeService().deleteProcessInstance(instance, "撤销");

    assertThat(variables(instance)).isZero();
    assertThat(byteArrays()).isZero();
  }

  private String start() {
    return engine.getRuntimeService().startProcessInstanceByKey("bulk", Map.of("caseNumber", "（2026）豫0105执1号",
        "amount", 1000L, "scan", "执行申请书".getBytes(StandardCharsets.UTF_8))).getId();
  }

  private void complete(String taskKey) {
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().taskDefinitionKey(taskKey).singleResult().getId());
  }

  private long variables(String instance) {
    return engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instance).count();
  }

  /** Byte arrays of variables (not of the deployment). */
  private long byteArrays() throws SQLException {
    try (Connection connection = h2.getConnection(); ResultSet count = connection.createStatement()
        .executeQuery("select count(*) from ACT_GE_BYTEARRAY where DEPLOYMENT_ID_ is null")) {
      count.next();
      return count.getLong(1);
    }
  }
}
