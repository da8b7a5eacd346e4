package cn.court.enforcement.tasklist;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Unit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The Tasklist filters staff see on first login, kept in step with the code at every start
 * (found by name, so a court may add its own beside them) and granted to the right groups.
 */
public class TaskFilters {

  /** Columns shown in the task list: case number and the data a clerk recognises a case by. */
  static final List<Map<String, String>> CASE_COLUMNS = List.of(
      column("caseNumber", "案号"), column("applicantName", "申请执行人"),
      column("respondentName", "被执行人"), column("amountClaimed", "申请执行标的（元）"));

  private record Definition(String name, String description, int priority, boolean supervisorsOnly,
      Supplier<TaskQuery> query) {}

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  public TaskFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  private List<Definition> definitions() {
    return List.of(
        // First, so Tasklist opens on it: everything a clerk may work on now, the most urgent first.
        new Definition("待办事项", "分配给我的任务和我所在各组尚未认领的任务，按到期日排序", -30, false,
            () -> tasks.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}").endOr()
                .orderByDueDate().asc().orderByTaskCreateTime().asc()),
        new Definition("我的待办", "已由我认领或分配给我的任务", -20, false,
            () -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()),
        new Definition("本组待办", "我所在各组尚未认领的任务", -10, false,
            () -> tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .taskUnassigned().orderByDueDate().asc().orderByTaskCreateTime().asc()),
        new Definition("即将到期", "两天内到期的任务", 0, false,
            () -> tasks.createTaskQuery().dueAfterExpression("${now()}")
                .dueBeforeExpression("${dateTime().plusDays(2).toDate()}").orderByDueDate().asc()),
        new Definition("已超期", "已过办理期限仍未完成的任务", 10, false,
            () -> tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc()),
        new Definition("全部在办", "全局所有未完成的任务（监督用）", 20, true,
            () -> tasks.createTaskQuery().orderByTaskCreateTime().desc()));
  }

  public void apply(Organisation organisation) {
    for (Definition definition : definitions()) {
      Filter filter = filters.createFilterQuery().filterName(definition.name()).singleResult();
      if (filter == null) {
        filter = filters.newTaskFilter(definition.name());
      }
      filter.setQuery(definition.query().get());
      filter.setProperties(properties(definition));
      filters.saveFilter(filter);
      for (Unit unit : organisation.units()) {
        if (unit.supervisor() || !definition.supervisorsOnly()) {
          grantRead(filter.getId(), unit.id());
        }
      }
    }
  }

  private static Map<String, Object> properties(Definition definition) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", CASE_COLUMNS);
    return properties;
  }

  private static Map<String, String> column(String name, String label) {
    return Map.of("name", name, "label", label);
  }

  private void grantRead(String filterId, String groupId) {
    boolean granted = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(Resources.FILTER).resourceId(filterId).count() > 0;
    if (!granted) {
      Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      grant.setGroupId(groupId);
      grant.setResource(Resources.FILTER);
      grant.setResourceId(filterId);
      grant.addPermission(Permissions.READ);
      authorizations.saveAuthorization(grant);
    }
  }
}
