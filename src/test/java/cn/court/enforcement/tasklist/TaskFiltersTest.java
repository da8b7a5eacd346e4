package cn.court.enforcement.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.OrganisationSync;
import cn.court.enforcement.organisation.OrganisationTestData;
import cn.court.enforcement.security.AccessPolicy;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TaskFiltersTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("identity.camunda.cfg.xml").build();

  FilterService filters;
  TaskService tasks;
  IdentityService identity;
  Organisation organisation;

  @BeforeEach
  void load() throws Exception {
    filters = engine.getFilterService();
    tasks = engine.getTaskService();
    identity = engine.getIdentityService();
    organisation = OrganisationTestData.demo();
    new OrganisationSync(identity, "demo").apply(organisation);
    new AccessPolicy(engine.getAuthorizationService()).apply(organisation);
    new TaskFilters(filters, tasks, engine.getAuthorizationService()).apply(organisation);
  }

  @AfterEach
  void clean() {
    identity.clearAuthentication();
    ClockUtil.reset();
    tasks.createTaskQuery().list().forEach(t -> tasks.deleteTask(t.getId(), true));
    filters.createFilterQuery().list().forEach(f -> filters.deleteFilter(f.getId()));
    OrganisationTestData.forget(engine);
  }

  private List<String> visibleFilters(String user) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(g -> g.getId()).toList());
    List<String> names = filters.createFilterQuery().orderByFilterId().asc().list().stream()
        .map(Filter::getName).toList();
    identity.clearAuthentication();
    return names;
  }

  private Task task(String group, Date due) {
    Task task = tasks.newTask();
    task.setName("核对立案信息");
    task.setDueDate(due);
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), group);
    return task;
  }

  private List<Task> through(String filterName, String user) {
    Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(g -> g.getId()).toList());
    List<Task> list = filters.list(filter.getId());
    identity.clearAuthentication();
    return list;
  }

  @Test
  void staffSeeFiveFiltersSupervisorsSixAndReloadingCreatesNoDuplicates() {
    new TaskFilters(filters, tasks, engine.getAuthorizationService()).apply(organisation);
    assertThat(filters.createFilterQuery().count()).isEqualTo(6);
    assertThat(visibleFilters("lilinxia")).containsExactlyInAnyOrder("待办事项", "我的待办", "本组待办", "即将到期", "已超期");
    assertThat(visibleFilters("wanghui")).contains("全部在办").hasSize(6);
  }

  /** Tasklist opens the filter of lowest priority: the one that holds all a clerk's work. */
  @Test
  void theFirstFilterHoldsMyTasksAndMyGroupsUnclaimedOnesMostUrgentFirst() {
    assertThat(filters.createFilterQuery().list().stream()
        .min(java.util.Comparator.comparingInt(f -> (Integer) f.getProperties().get("priority"))))
        .get().extracting(Filter::getName).isEqualTo("待办事项");
    long now = System.currentTimeMillis();
    Task later = task("intake", new Date(now + 5 * 86_400_000L));
    Task mine = task("intake", new Date(now + 3 * 86_400_000L));
    Task sooner = task("intake", new Date(now + 86_400_000L));
    Task colleagues = task("intake", new Date(now + 2 * 86_400_000L));
    Task otherTeam = task("ordinary-team-1", new Date(now));
    Task assignedOnly = tasks.newTask();
    assignedOnly.setDueDate(new Date(now + 4 * 86_400_000L));
    tasks.saveTask(assignedOnly);
    tasks.claim(mine.getId(), "lilinxia");
    tasks.claim(colleagues.getId(), "someone-else");
    tasks.setAssignee(assignedOnly.getId(), "lilinxia");

    assertThat(through("待办事项", "lilinxia")).extracting(Task::getId)
        .containsExactly(sooner.getId(), mine.getId(), assignedOnly.getId(), later.getId())
        .doesNotContain(colleagues.getId(), otherTeam.getId());
  }

  @Test
  void groupFilterShowsOnlyMyGroupsUnclaimedTasksAndMineShowsClaimedOnes() {
    Task intake = task("intake", null);
    task("ordinary-team-1", null);
    assertThat(through("本组待办", "lilinxia")).extracting(Task::getId).containsExactly(intake.getId());
    assertThat(through("本组待办", "zhouyuan")).extracting(Task::getId).doesNotContain(intake.getId());

    tasks.claim(intake.getId(), "lilinxia");
    assertThat(through("本组待办", "lilinxia")).isEmpty();
    assertThat(through("我的待办", "lilinxia")).extracting(Task::getId).containsExactly(intake.getId());
  }

  @Test
  void deadlineFiltersSplitDueSoonFromOverdue() {
    long now = System.currentTimeMillis();
    Task soon = task("intake", new Date(now + 86_400_000L));
    Task late = task("intake", new Date(now - 86_400_000L));
    task("intake", new Date(now + 10 * 86_400_000L));
    assertThat(through("即将到期", "lilinxia")).extracting(Task::getId).containsExactly(soon.getId());
    assertThat(through("已超期", "lilinxia")).extracting(Task::getId).containsExactly(late.getId());
    assertThat(through("已超期", "zhouyuan")).isEmpty();
  }
}
