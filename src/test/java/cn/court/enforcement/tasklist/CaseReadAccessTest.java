package cn.court.enforcement.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Staff read the variables of the cases they have a task in, and of no other case; the grants
 * cost one look-up per task and an insert per new reader, and go when the case ends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseReadAccessTest {

  /** Intake verifies and receives, documents serves (to the case's handler, named in a variable). */
  private static final BpmnModelInstance CASE = Bpmn.createExecutableProcess("read-probe")
      .camundaHistoryTimeToLive(1)
      .startEvent()
      .userTask("Task_Verify").camundaCandidateGroups("intake")
      .userTask("Task_Receive").camundaCandidateGroups("intake")
      .userTask("Task_Serve").camundaCandidateGroups("documents").camundaAssignee("${handler}")
      .endEvent().done();

  private final AtomicInteger statements = new AtomicInteger();
  private ProcessEngine engine;

  @BeforeAll
  void build() {
    engine = engine("case-read-access", new CaseReadAccess());
  }

  @AfterAll
  void close() {
    engine.close();
  }

  @Test
  void aCandidateGroupReadsItsCaseAndNotAnotherUnitsCase() {
    String intakeCase = start("（2026）豫0105执1号", null);
    String documentsCase = engine.getRuntimeService().createProcessInstanceByKey("read-probe")
        .setVariables(Map.of("caseNumber", "（2026）豫0105执2号", "handler", "dingyi"))
        .startBeforeActivity("Task_Serve").execute().getId();

    as("lilinxia", "intake");
    assertThat(caseNumbers(intakeCase, documentsCase))
        .containsExactly("（2026）豫0105执1号");
    assertThat(engine.getRuntimeService().getVariable(intakeCase, "caseNumber")).isEqualTo("（2026）豫0105执1号");
    assertThatThrownBy(() -> engine.getRuntimeService().getVariable(documentsCase, "caseNumber"))
        .isInstanceOf(AuthorizationException.class);

    as("chengxinfeng", "documents");
    assertThat(caseNumbers(intakeCase, documentsCase))
        .containsExactly("（2026）豫0105执2号");
  }

  @Test
  void oneGrantPerReaderOfTheCaseAndNoneLeftWhenItEnds() {
    String instance = start("（2026）豫0105执3号", "dingyi");
    readersSeen.clear();
    walk(instance);
    // Both intake tasks shared one grant; documents and the handler assigned at creation got theirs.
    assertThat(readersSeen).containsExactly(
        List.of("group intake"), List.of("group intake"), List.of("group documents", "group intake", "user dingyi"));
    assertThat(grantsOf(instance)).as("the engine deletes the instance's grants with it").isEmpty();
  }

  @Test
  void anAssignmentBySomeoneElseGrantsTheAssigneeAndClaimingOnesOwnTaskAddsNothing() {
    String instance = engine.getRuntimeService().createProcessInstanceByKey("read-probe")
        .setVariables(Map.of("caseNumber", "（2026）豫0105执4号", "handler", "dingyi"))
        .startBeforeActivity("Task_Serve").execute().getId();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();

    engine.getTaskService().setAssignee(task, "outsider"); // e.g. a handler change, done by the engine
    engine.getTaskService().setAssignee(task, null);
    as("chengxinfeng", "documents");
    engine.getTaskService().claim(task, "chengxinfeng");

    assertThat(readers(instance)).containsExactly("group documents", "user dingyi", "user outsider");
    as("outsider");
    assertThat(engine.getRuntimeService().getVariable(instance, "caseNumber")).isEqualTo("（2026）豫0105执4号");
  }

  /** The cost in SQL statements: the same case started and walked with and without the grants. */
  @Test
  void aCaseCostsOneLookUpPerLaterTaskAndOneInsertPerNewReader() {
    int with = statementsOfOneCase(engine);
    ProcessEngine plain = engine("case-read-plain");
    int without;
    try {
      without = statementsOfOneCase(plain);
    } finally {
      plain.close();
    }
    // 3 tasks: 2 look-ups (the first task's instance is new, it has no grants to look up); readers
    // intake, documents, the handler dingyi: 3 inserts; claims and the end: none.
    assertThat(with - without).isEqualTo(5);
  }

  // --- fixtures ----------------------------------------------------------------------------

  private int statementsOfOneCase(ProcessEngine measured) {
    ProcessEngine shared = engine;
    engine = measured;
    try {
      statements.set(0);
      walk(start("（2026）豫0105执5号", "dingyi"));
      return statements.get();
    } finally {
      engine = shared;
    }
  }

  /** The case numbers of these instances the current user may read. */
  private List<Object> caseNumbers(String... instances) {
    return engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instances)
        .variableName("caseNumber").list().stream().map(VariableInstance::getValue).toList();
  }

  private String start(String caseNumber, String handler) {
    engine.getIdentityService().clearAuthentication();
    return engine.getRuntimeService().startProcessInstanceByKey("read-probe",
        handler == null ? Map.of("caseNumber", caseNumber) : Map.of("caseNumber", caseNumber, "handler", handler)).getId();
  }

  /** Who read the case when each task of {@link #walk} stood open. */
  private final List<List<String>> readersSeen = new ArrayList<>();

  /** Each task claimed and completed by a member of its group (the handler's is theirs already). */
  private void walk(String instance) {
    record Step(String user, String group) {}
    for (Step step : List.of(new Step("lilinxia", "intake"), new Step("lilinxia", "intake"), new Step("dingyi", "documents"))) {
      engine.getIdentityService().clearAuthentication();
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
      readersSeen.add(readers(instance));
      as(step.user(), step.group());
      if (task.getAssignee() == null) {
        engine.getTaskService().claim(task.getId(), step.user());
      }
      engine.getTaskService().complete(task.getId());
    }
    engine.getIdentityService().clearAuthentication();
  }

  private List<String> readers(String instance) {
    engine.getIdentityService().clearAuthentication();
    return grantsOf(instance).stream()
        .peek(grant -> assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue())
        .map(grant -> grant.getGroupId() != null ? "group " + grant.getGroupId() : "user " + grant.getUserId())
        .sorted().toList();
  }

  private List<Authorization> grantsOf(String instance) {
    return engine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(instance).list();
  }

  private void as(String user, String... groups) {
    engine.getIdentityService().setAuthentication(user, List.of(groups));
  }

  private ProcessEngine engine(String name, ProcessEnginePlugin... plugins) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setDataSource(counting(h2));
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setJdbcBatchProcessing(false); // one statement per row, so they can be counted
    configuration.setJobExecutorActivate(false);
    configuration.setMetricsEnabled(false);
    configuration.setAuthorizationEnabled(true);
    configuration.setHistory("full");
    configuration.getProcessEnginePlugins().addAll(List.of(plugins));
    ProcessEngine built = configuration.buildProcessEngine();
    built.getRepositoryService().createDeployment().addModelInstance("read-probe.bpmn", CASE).deploy();
    return built;
  }

  /** The data source, counting every statement the engine prepares. */
  private DataSource counting(DataSource target) {
    return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          if (!(result instanceof Connection connection)) {
            return result;
          }
          return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
              (p, m, a) -> {
                if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")) {
                  statements.incrementAndGet();
                }
                return invoke(connection, m, a);
              });
        });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
