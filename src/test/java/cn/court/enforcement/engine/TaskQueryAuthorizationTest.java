package cn.court.enforcement.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.support.PostgresDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.ibatis.executor.parameter.ParameterHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The task query's authorization check is the rewritten one, on this Camunda version and on
 * PostgreSQL with thousands of open tasks: a Camunda upgrade that changes the patched mapping,
 * or a setting that brings back the per-task grant join, fails here.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=" + PostgresDatabase.SERVER + TaskQueryAuthorizationTest.DATABASE,
    "spring.datasource.username=postgres"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskQueryAuthorizationTest {

  static final String DATABASE = "enforcement_task_query";
  static final int OPEN_TASKS = 1_500;

  static {
    PostgresDatabase.recreate(DATABASE);
  }

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  void openTasks() {
    engine.getRepositoryService().createDeployment().addClasspathResource("visibility-probe.bpmn").deploy();
    List<String> groups = List.of("intake", "ordinary-team-1", "ordinary-team-2");
    for (int k = 0; k < OPEN_TASKS; k++) {
      engine.getRuntimeService().startProcessInstanceByKey("visibility-probe", Map.of("group", groups.get(k % 3)));
    }
    jdbc.execute("analyze");
  }

  @Test
  void aClerksListIsDecidedByItsCandidateLinksWithoutReadingTheGrants() throws SQLException {
    String plan = explain(query -> query.taskCandidateUser("lilinxia").taskUnassigned(), "lilinxia", List.of("intake"), true);

    // Every task of the clerk's group passes on its own candidate link: no grant is read at all, so no plan joins
    // or hashes the per-task grants (Camunda's join was quadratic, a hash of them grows with the backlog).
    assertThat(plan).contains("act_ru_identitylink l").contains("act_ru_authorization")
        .doesNotContainPattern("(?s)Nested Loop.*act_ru_authorization.*resource_id_ = ANY");
    assertThat(plan.lines().filter(line -> line.contains("act_ru_authorization")))
        .allMatch(line -> line.contains("(never executed)"));
    assertThat(countAs("lilinxia", List.of("intake"))).isEqualTo(OPEN_TASKS / 3);
    assertThat(countAs("zhouyuan", List.of("ordinary-team-1"))).isEqualTo(OPEN_TASKS / 3);
  }

  @Test
  void aListOfOnesOwnGroupsIsNotCheckedRowByRowAndAnotherGroupsIs() {
    // 本组待办: each row comes with a candidate link of the clerk's own group, which holds READ on it.
    assertThat(boundSql(query -> query.taskCandidateGroup("intake").taskUnassigned(), "lilinxia", List.of("intake"))
        .getSql()).doesNotContain("ACT_RU_AUTHORIZATION").doesNotContain("ACT_RE_PROCDEF");
    assertThat(groupCountAs("lilinxia", List.of("intake"), "intake")).isEqualTo(OPEN_TASKS / 3);
    // Asking for another unit's list keeps the check: nothing of theirs, one's own only.
    assertThat(boundSql(query -> query.taskCandidateGroup("ordinary-team-1"), "lilinxia", List.of("intake")).getSql())
        .contains("ACT_RU_AUTHORIZATION");
    assertThat(groupCountAs("lilinxia", List.of("intake"), "ordinary-team-1")).isZero();
    assertThat(groupCountAs("lilinxia", List.of("intake"), "intake", "ordinary-team-1")).isEqualTo(OPEN_TASKS / 3);
  }

  @Test
  void aClerksListNotLimitedToHerLinksAsksForHerGrantsOnceNotRowByRow() throws SQLException {
    // As 已超期 or 即将到期: every open task of a kind, as the clerk; only her group's pass, decided by her grants.
    String plan = explain(query -> query.processDefinitionKey("visibility-probe"), "lilinxia", List.of("intake"), true);
    assertThat(plan).contains("hashed SubPlan");
    assertThat(countAs("lilinxia", List.of("intake"))).isEqualTo(OPEN_TASKS / 3);
  }

  @Test
  void aTaskLinkedTwiceToTheAskedGroupsIsListedAndCountedOnce() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("visibility-probe", Map.of("group", "intake"))
        .getId();
    try {
      String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
      engine.getTaskService().addCandidateGroup(task, "intake");
      engine.getTaskService().addCandidateGroup(task, "ordinary-team-1");
      List<String> groups = List.of("intake", "ordinary-team-1");
      engine.getIdentityService().setAuthentication("lilinxia", groups);
      try {
        var query = engine.getTaskService().createTaskQuery().taskCandidateGroupIn(groups).processInstanceId(instance);
        assertThat(query.list()).hasSize(1);
        assertThat(query.count()).isOne();
        var either = engine.getTaskService().createTaskQuery().processInstanceId(instance).or()
            .taskAssignee("lilinxia").taskCandidateGroupIn(groups).endOr();
        assertThat(either.listPage(0, 15)).hasSize(1);
        assertThat(either.count()).isOne();
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    } finally {
      engine.getRuntimeService().deleteProcessInstance(instance, "test");
    }
  }

  private long groupCountAs(String user, List<String> groups, String... asked) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return engine.getTaskService().createTaskQuery().taskCandidateGroupIn(List.of(asked)).count();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void theRewriteIsActiveAndCamundasTextIsTheOneItWasWrittenFor() throws IOException {
    String sql = boundSql(query -> query.taskCandidateGroup("ordinary-team-1"), "lilinxia", List.of("intake")).getSql()
        .replaceAll("\\s+", " ");
    assertThat(sql).doesNotContain("AUTH ON")
        .contains("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK L WHERE L.TASK_ID_ = RES.ID_ AND L.TYPE_ = 'candidate'"
            + " AND ( L.USER_ID_ = ? OR L.GROUP_ID_ IN (?) ))")
        .contains("RES.ASSIGNEE_ = ? OR RES.OWNER_ = ?")
        .contains("AND A.RESOURCE_ID_ = '*')").contains("AND A.RESOURCE_ID_ = RES.ID_)")
        .contains("AND A.RESOURCE_ID_ = D.KEY_)");
    // Someone who may read every task (a supervisor's grant on '*') is not checked row by row.
    assertThat(boundSql(query -> { }, "juzhang", List.of("bureau-leaders")).getSql())
        .doesNotContain("ACT_RU_AUTHORIZATION").doesNotContain("ACT_RE_PROCDEF");
    // The grants by one index range each (Camunda's unique indexes), not by an OR that reads the whole table.
    assertThat(sql).contains("WHERE A.TYPE_ IN (0, 1) AND A.USER_ID_ IN (")
        .contains("WHERE A.TYPE_ = 1 AND A.GROUP_ID_ IN (");
    // A check the row-local tests do not stand for (not READ on the task) is left to the grants alone.
    assertThat(boundSql(query -> query.taskCandidateGroup("ordinary-team-1"), "lilinxia", List.of("intake"),
        Permissions.UPDATE).getSql()).contains("ACT_RU_AUTHORIZATION").doesNotContain("RES.ASSIGNEE_ =");

    // A candidate filter is an EXISTS; rows are distinct, and counted so, only where the identity-link join
    // (the involved user) can bring a task twice.
    assertThat(sql).doesNotContain("join ACT_RU_IDENTITYLINK").doesNotContainPattern("(?i)select distinct")
        .contains("and EXISTS (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate'");
    assertThat(countSql(query -> query.taskCandidateGroup("intake"))).containsIgnoringCase("select count(RES.ID_)")
        .doesNotContainIgnoringCase("distinct");
    assertThat(countSql(query -> query.taskInvolvedUser("lilinxia"))).containsIgnoringCase("DISTINCT RES.ID_");
    assertThat(boundSql(query -> query.taskInvolvedUser("lilinxia"), "lilinxia", List.of("intake")).getSql())
        .containsPattern("(?i)select\\s+distinct").contains("left join ACT_RU_IDENTITYLINK I");
    assertThat(countSql(query -> query.processDefinitionKey("visibility-probe"))).containsIgnoringCase("select count(RES.ID_)");
    assertThat(countAs("juzhang", List.of("bureau-leaders"))).isEqualTo(OPEN_TASKS);

    String camunda;
    try (InputStream in = TaskEntity.class.getClassLoader().getResourceAsStream(TaskQueryAuthorization.TASK_MAPPING)) {
      camunda = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(TaskQueryAuthorization.patch(camunda, "")).doesNotContain("AUTH ON (AUTH.RESOURCE_ID_");
    assertThatThrownBy(() -> TaskQueryAuthorization.patch(camunda.replace("${countDistinctAfterEnd}", ""), ""))
        .hasMessageContaining("review the patches of cn.court.enforcement.engine");
    assertThatThrownBy(() -> TaskQueryAuthorization.patch(camunda.replace("AUTH ON", "AUTH  ON"), ""))
        .hasMessageContaining("review the patches of cn.court.enforcement.engine");
  }

  @Test
  void aVariableQueryAsksPerVariableWhetherTheCallerHoldsAGrant() throws IOException {
    String camunda;
    try (InputStream in = TaskEntity.class.getClassLoader().getResourceAsStream(TaskQueryAuthorization.VARIABLE_MAPPING)) {
      camunda = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(TaskQueryAuthorization.patchVariables(camunda, "")).doesNotContain("AUTH ON (AUTH.RESOURCE_ID_");
    assertThatThrownBy(() -> TaskQueryAuthorization.patchVariables(camunda.replace("PROCDEF.KEY_", "PROCDEF.ID_"), ""))
        .hasMessageContaining("review the patches of cn.court.enforcement.engine");

    // The patched mapping is the one the engine runs: each person reads the group variable of their own unit's tasks only.
    assertThat(groupVariablesAs("lilinxia", List.of("intake"))).containsOnly("intake").hasSize(OPEN_TASKS / 3);
    assertThat(groupVariablesAs("zhouyuan", List.of("ordinary-team-1"))).containsOnly("ordinary-team-1").hasSize(OPEN_TASKS / 3);
    assertThat(groupVariablesAs("nobody", List.of("no-such-group"))).isEmpty();
  }

  private List<Object> groupVariablesAs(String user, List<String> groups) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return engine.getRuntimeService().createVariableInstanceQuery().variableName("group").list().stream()
          .map(org.camunda.bpm.engine.runtime.VariableInstance::getValue).toList();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void staffsListsHaveTheirIndexes() {
    assertThat(index(TaskListIndexes.DUE)).containsIgnoringCase("act_ru_task").contains("(due_date_, create_time_)");
    assertThat(index(TaskListIndexes.GROUP_LINKS)).containsIgnoringCase("act_ru_identitylink")
        .contains("(group_id_, type_, task_id_)");
    assertThat(index(TaskListIndexes.OPEN_TASKS)).containsIgnoringCase("act_ru_task").contains("(id_) INCLUDE")
        .contains("WHERE (tenant_id_ IS NULL)");
    assertThat(index(TaskListIndexes.UNASSIGNED)).containsIgnoringCase("act_ru_task").contains("(id_) INCLUDE")
        .contains("WHERE ((tenant_id_ IS NULL) AND (assignee_ IS NULL))");
  }

  private String index(String name) {
    return jdbc.queryForObject("select indexdef from pg_indexes where indexname = lower(?)", String.class, name);
  }

  @Test
  void theDatabaseRecordsTheCourtHistoryLevel() {
    assertThat(jdbc.queryForObject("select value_ from act_ge_property where name_ = 'historyLevel'", String.class))
        .isEqualTo(String.valueOf(CourtHistoryLevel.ID));
  }

  private long countAs(String user, List<String> groups) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return engine.getTaskService().createTaskQuery().processDefinitionKey("visibility-probe").count();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private String explain(java.util.function.Consumer<TaskQueryImpl> criteria, String user, List<String> groups,
      boolean analyze) throws SQLException {
    BoundSql[] bound = new BoundSql[1];
    MappedStatement statement = statement();
    TaskQueryImpl query = configured(criteria, user, groups, null, bound);
    try (Connection connection = dataSource.getConnection();
         PreparedStatement explain = connection.prepareStatement((analyze ? "explain analyze " : "explain ") + bound[0].getSql())) {
      ParameterHandler parameters = new DefaultParameterHandler(statement, query, bound[0]);
      parameters.setParameters(explain);
      List<String> lines = new ArrayList<>();
      try (ResultSet result = explain.executeQuery()) {
        while (result.next()) {
          lines.add(result.getString(1));
        }
      }
      return String.join("\n", lines);
    }
  }

  private BoundSql boundSql(java.util.function.Consumer<TaskQueryImpl> criteria, String user, List<String> groups) {
    return boundSql(criteria, user, groups, null);
  }

  private BoundSql boundSql(java.util.function.Consumer<TaskQueryImpl> criteria, String user, List<String> groups,
      Permission permission) {
    BoundSql[] bound = new BoundSql[1];
    configured(criteria, user, groups, permission, bound);
    return bound[0];
  }

  /**
   * The query as the engine runs it for this person: authorization check configured in a command (with
   * {@code permission} on the task instead of the task query's READ, when given).
   */
  private TaskQueryImpl configured(java.util.function.Consumer<TaskQueryImpl> criteria, String user, List<String> groups,
      Permission permission, BoundSql[] bound) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return configuration.getCommandExecutorTxRequired().execute(context -> {
        TaskQueryImpl query = (TaskQueryImpl) engine.getTaskService().createTaskQuery();
        criteria.accept(query);
        context.getAuthorizationManager().configureTaskQuery(query);
        if (permission != null) {
          query.getAuthCheck().setPermissionChecks(new PermissionCheckBuilder().disjunctive()
              .atomicCheck(Resources.TASK, "RES.ID_", permission).build());
        }
        bound[0] = statement().getBoundSql(query);
        return query;
      });
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private String countSql(java.util.function.Consumer<TaskQueryImpl> criteria) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      TaskQueryImpl query = (TaskQueryImpl) engine.getTaskService().createTaskQuery();
      criteria.accept(query);
      return statement("selectTaskCountByQueryCriteria").getBoundSql(query).getSql().replaceAll("\\s+", " ");
    });
  }

  private MappedStatement statement() {
    return statement("selectTaskByQueryCriteria");
  }

  private MappedStatement statement(String id) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getSqlSessionFactory().getConfiguration()
        .getMappedStatement("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity." + id);
  }
}
