package cn.court.enforcement.benchmark;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * A plain Camunda engine on the same database as the project's run (its own schema: a database of
 * its own on PostgreSQL, its own in-memory H2), full history, defaults otherwise, and a process of
 * three user tasks for one group: what the engine does per task without anything of the project.
 */
final class BareEngine implements AutoCloseable {

  /** Plain: tasks/s and engine transactions/s; user-style: tasks/s and transactions/s. */
  record Figures(Timed plainOne, Timed plainTwo, double plainTxOne, double plainTxTwo,
      Timed userOne, Timed userTwo, double userTxOne, double userTxTwo) {
  }

  static final String PROCESS = "bare-three-tasks";
  static final String GROUP = "workers";
  private static final AtomicInteger ENGINES = new AtomicInteger();

  private final ProcessEngine engine;
  private final CommandCounter commands = new CommandCounter();

  BareEngine(String jdbcUrl, String driver, String user) {
    ClockUtil.reset();
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bare-" + ENGINES.incrementAndGet());
    configuration.setJdbcUrl(jdbcUrl);
    configuration.setJdbcDriver(driver);
    configuration.setJdbcUsername(user);
    configuration.setJdbcPassword("");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    // The project's task permission for candidates, so claim and complete need what they need there.
    configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
    configuration.setProcessEnginePlugins(List.of(commands));
    engine = configuration.buildProcessEngine();
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(180)
        .startEvent()
        .userTask("first").camundaCandidateGroups(GROUP)
        .userTask("second").camundaCandidateGroups(GROUP)
        .userTask("third").camundaCandidateGroups(GROUP)
        .endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance(PROCESS + ".bpmn", model).deploy();
    IdentityService identity = engine.getIdentityService();
    identity.saveGroup(identity.newGroup(GROUP));
    for (int k = 0; k < 2; k++) {
      identity.saveUser(identity.newUser(user(k)));
      identity.createMembership(user(k), GROUP);
    }
    // The group may start the process and see its tasks: the grants a court gives its units.
    AuthorizationService authorizations = engine.getAuthorizationService();
    grant(authorizations, Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ, Permissions.CREATE_INSTANCE);
    grant(authorizations, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
  }

  private static void grant(AuthorizationService authorizations, Resources resource, String id, Permissions... permissions) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(GROUP);
    grant.setResource(resource);
    grant.setResourceId(id);
    for (Permissions permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }

  private static String user(int thread) {
    return "worker" + thread;
  }

  Figures measure(int seconds) {
    TaskService tasks = engine.getTaskService();
    engine.getProcessEngineConfiguration().setAuthorizationEnabled(false);
    Timed.Unit plain = (thread, k) -> {
      String instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS).getId();
      for (int step = 0; step < 3; step++) {
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
      }
      return 3;
    };
    Timed.run(1, Math.min(seconds, 3), plain); // warm-up
    long before = commands.transactions();
    Timed plainOne = Timed.run(1, seconds, plain);
    double plainTxOne = (commands.transactions() - before) / plainOne.seconds();
    before = commands.transactions();
    Timed plainTwo = Timed.run(2, seconds, plain);
    double plainTxTwo = (commands.transactions() - before) / plainTwo.seconds();

    engine.getProcessEngineConfiguration().setAuthorizationEnabled(true);
    // As a person in Tasklist: the group's open tasks, claim the first of this instance, complete it.
    Timed.Unit userStyle = (thread, k) -> {
      String instance = as(thread, () -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS).getId());
      for (int step = 0; step < 3; step++) {
        as(thread, () -> {
          List<Task> open = tasks.createTaskQuery().taskCandidateGroup(GROUP).processInstanceId(instance)
              .orderByTaskCreateTime().asc().list();
          tasks.claim(open.get(0).getId(), user(thread));
          tasks.complete(open.get(0).getId());
          return null;
        });
      }
      return 3;
    };
    Timed.run(1, Math.min(seconds, 3), userStyle);
    before = commands.transactions();
    Timed userOne = Timed.run(1, seconds, userStyle);
    double userTxOne = (commands.transactions() - before) / userOne.seconds();
    before = commands.transactions();
    Timed userTwo = Timed.run(2, seconds, userStyle);
    double userTxTwo = (commands.transactions() - before) / userTwo.seconds();
    return new Figures(plainOne, plainTwo, plainTxOne, plainTxTwo, userOne, userTwo, userTxOne, userTxTwo);
  }

  private <T> T as(int thread, java.util.function.Supplier<T> work) {
    engine.getIdentityService().setAuthentication(user(thread), List.of(GROUP));
    try {
      return work.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Override
  public void close() {
    engine.close();
  }
}
