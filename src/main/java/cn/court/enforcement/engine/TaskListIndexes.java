package cn.court.enforcement.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Indexes for the staff's task lists, which Camunda's schema lacks (docs/decisions.md, "Task list
 * at 100,000 open cases"):
 * <ul>
 *   <li>{@value #DUE} on the due date and creation time, the lists' order: a page of 15 walks the
 *       tasks in due order and stops, instead of reading and sorting every task the list selects;
 *   <li>{@value #GROUP_LINKS} on candidate links by group: 本组待办's count reads its group's task
 *       ids from the index alone (11,766 for the intake clerk at 100,000 open cases);
 *   <li>on PostgreSQL, {@value #OPEN_TASKS}: every column the lists' counts and the authorization
 *       check read of a task, so a count is an index-only scan instead of reading the task rows
 *       (H2 has neither partial nor covering indexes; its lists are for small installations);
 *   <li>on PostgreSQL, {@value #UNASSIGNED}: the same columns of the unassigned tasks only, which a
 *       group's list (本组待办) asks for: its count merges the group's links with these 62,500 entries
 *       in task-id order instead of reading all 100,000 tasks and hashing them (at 100,000 open cases:
 *       2,300 → 1,160 buffers). ASSIGNEE_ is always null there, but an index-only scan needs every
 *       column the query names.
 * </ul>
 * Flyway runs before the engine creates its tables on a new database, so the engine's start
 * creates them once its own schema is there (a no-op afterwards).
 */
public class TaskListIndexes extends AbstractProcessEnginePlugin {

  static final String DUE = "COURT_IDX_TASK_DUE";
  static final String GROUP_LINKS = "COURT_IDX_IDENT_LNK_GROUP";
  static final String OPEN_TASKS = "COURT_IDX_TASK_LIST";
  static final String UNASSIGNED = "COURT_IDX_TASK_UNASSIGNED";
  private static final String LIST_COLUMNS = " (ID_) include (ASSIGNEE_, OWNER_, PROC_DEF_ID_, CASE_EXECUTION_ID_) where TENANT_ID_ is null";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String prefix = configuration.getDatabaseTablePrefix();
    create(configuration, DUE, "create index if not exists " + DUE + " on " + prefix + "ACT_RU_TASK (DUE_DATE_, CREATE_TIME_)");
    create(configuration, GROUP_LINKS, "create index if not exists " + GROUP_LINKS + " on " + prefix
        + "ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_)");
    if ("postgres".equals(configuration.getDatabaseType())) {
      create(configuration, OPEN_TASKS, "create index if not exists " + OPEN_TASKS + " on " + prefix + "ACT_RU_TASK" + LIST_COLUMNS);
      create(configuration, UNASSIGNED, "create index if not exists " + UNASSIGNED + " on " + prefix + "ACT_RU_TASK"
          + LIST_COLUMNS + " and ASSIGNEE_ is null");
    }
  }

  private static void create(ProcessEngineConfigurationImpl configuration, String name, String sql) {
    try (Connection connection = configuration.getDataSource().getConnection();
         Statement create = connection.createStatement()) {
      create.execute(sql);
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not create the index " + name, e);
    }
  }
}
