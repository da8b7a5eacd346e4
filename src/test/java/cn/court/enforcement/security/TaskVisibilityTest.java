package cn.court.enforcement.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Staff;
import cn.court.enforcement.organisation.Organisation.Unit;
import cn.court.enforcement.support.StaffClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every unit's task against every other unit's member, by query and by id, over REST and
 * through Tasklist's API: staff see exactly their own groups' tasks and the tasks assigned to
 * them, supervisors all of them — by a plain query, by a candidate-group query naming each unit,
 * and through Tasklist's filters (the queries the task list runs). Guards the rewritten task query
 * (engine/TaskQueryAuthorization, which decides a row by its candidate link or assignee before it
 * asks for grants) and anything that would widen who sees what.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskVisibilityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBES = "processDefinitionKey=visibility-probe&maxResults=1000";
  private static final String QUERY = "task?" + PROBES;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Organisation organisation;

  /** A probe task: its candidate group (each unit that is not a supervisor has two) and its assignee, if any. */
  record Probe(String group, String assignee) {}

  final Map<String, Probe> probes = new HashMap<>();

  /**
   * Per unit one open task and one assigned to a member of the next unit (a handler's or a reassigned
   * task): the assignee sees it without being in its group.
   */
  @BeforeAll
  void twoTasksPerUnit() {
    engine.getRepositoryService().createDeployment().addClasspathResource("visibility-probe.bpmn").deploy();
    List<Unit> units = organisation.units().stream().filter(u -> !u.supervisor()).toList();
    for (int k = 0; k < units.size(); k++) {
      String group = units.get(k).id();
      probes.put(probe(group), new Probe(group, null));
      String assignee = organisation.membersOf(units.get((k + 1) % units.size()).id()).get(0).id();
      String assigned = probe(group);
      engine.getTaskService().setAssignee(assigned, assignee);
      probes.put(assigned, new Probe(group, assignee));
    }
  }

  private String probe(String group) {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("visibility-probe", Map.of("group", group)).getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  @Test
  void staffSeeExactlyTheirGroupsAndTheirOwnTasksByQueryAndById() throws Exception {
    Set<String> viewers = new HashSet<>();
    String allUnits = String.join(",", organisation.units().stream().map(Unit::id).toList());
    for (Unit unit : organisation.units()) {
      Staff member = organisation.membersOf(unit.id()).get(0);
      if (unit.supervisor() || !viewers.add(member.id()) || supervisor(member)) {
        continue;
      }
      Set<String> own = tasks((id, p) -> member.groups().contains(p.group()) || member.id().equals(p.assignee()));
      StaffClient webapp = StaffClient.webapp(port, "tasklist", member.id(), "demo");
      assertThat(webapp.loginStatus).as(member.id() + " logs in to Tasklist").isEqualTo(200);
      Map<String, StaffClient> clients = Map.of("/engine-rest/", StaffClient.rest(port, member.id(), "demo"),
          "/camunda/api/engine/engine/default/", webapp);
      for (Map.Entry<String, StaffClient> entry : clients.entrySet()) {
        String base = entry.getKey();
        StaffClient client = entry.getValue();
        String who = member.id() + " at " + base;
        assertThat(ids(client.get(base + QUERY).body())).as(who + " by query").isEqualTo(own);
        // Asking for every unit's open tasks by candidate group (the join the rewritten check decides on) still
        // answers with the person's own groups' only.
        assertThat(ids(client.get(base + QUERY + "&candidateGroups=" + allUnits).body()))
            .as(who + " asking for the open tasks of every unit")
            .isEqualTo(tasks((id, p) -> p.assignee() == null && member.groups().contains(p.group())));
        for (Map.Entry<String, Set<String>> filter : filtersAsSeenBy(member).entrySet()) {
          assertThat(ids(client.post(base + "filter/" + filterId(filter.getKey()) + "/list?firstResult=0&maxResults=1000",
              "{}").body())).as(who + " in the filter " + filter.getKey()).filteredOn(probes::containsKey)
              .containsExactlyInAnyOrderElementsOf(filter.getValue());
        }
        for (String task : probes.keySet()) {
          int status = client.get(base + "task/" + task).statusCode();
          if (own.contains(task)) {
            assertThat(status).as(who + " reads own task " + task).isEqualTo(200);
          } else {
            assertThat(status).as(who + " reads another unit's task " + task).isIn(403, 404);
            assertThat(client.get(base + "task/" + task + "/form-variables").statusCode()).isIn(403, 404);
          }
        }
      }
    }
    assertThat(viewers).hasSizeGreaterThan(10);
  }

  /** What Tasklist's filters list for this person, of the probe tasks. */
  private Map<String, Set<String>> filtersAsSeenBy(Staff member) {
    return Map.of(
        "待办事项", tasks((id, p) -> member.id().equals(p.assignee()) || p.assignee() == null && member.groups().contains(p.group())),
        "我的待办", tasks((id, p) -> member.id().equals(p.assignee())),
        "本组待办", tasks((id, p) -> p.assignee() == null && member.groups().contains(p.group())));
  }

  private String filterId(String name) {
    return engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
  }

  private Set<String> tasks(java.util.function.BiPredicate<String, Probe> which) {
    return probes.entrySet().stream().filter(e -> which.test(e.getKey(), e.getValue())).map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  @Test
  void supervisorsSeeEveryUnitsTask() throws Exception {
    for (Unit unit : organisation.units()) {
      if (unit.supervisor()) {
        Staff member = organisation.membersOf(unit.id()).get(0);
        StaffClient client = StaffClient.rest(port, member.id(), "demo");
        assertThat(ids(client.get("/engine-rest/" + QUERY).body())).containsAll(probes.keySet());
      }
    }
  }

  private boolean supervisor(Staff member) {
    return member.groups().stream().anyMatch(g -> organisation.unit(g).map(Unit::supervisor).orElse(false));
  }

  private static Set<String> ids(String body) throws Exception {
    Set<String> ids = new HashSet<>();
    for (JsonNode task : JSON.readTree(body)) {
      ids.add(task.path("id").asText());
    }
    return ids;
  }
}
