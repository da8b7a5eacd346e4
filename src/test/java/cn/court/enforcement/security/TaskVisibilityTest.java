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
 * through Tasklist's API: staff see exactly their own groups' tasks, supervisors all of them.
 * Guards the rewritten task query (engine/TaskQueryAuthorization) and anything that would widen
 * who sees what.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskVisibilityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUERY = "task?processDefinitionKey=visibility-probe&maxResults=1000";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Organisation organisation;

  /** Task id per candidate group, one for each unit that is not a supervisor. */
  final Map<String, String> taskOf = new HashMap<>();

  @BeforeAll
  void oneTaskPerUnit() {
    engine.getRepositoryService().createDeployment().addClasspathResource("visibility-probe.bpmn").deploy();
    for (Unit unit : organisation.units()) {
      if (!unit.supervisor()) {
        String instance = engine.getRuntimeService()
            .startProcessInstanceByKey("visibility-probe", Map.of("group", unit.id())).getId();
        taskOf.put(unit.id(), engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId());
      }
    }
  }

  @Test
  void staffSeeExactlyTheirGroupsTasksByQueryAndById() throws Exception {
    Set<String> viewers = new HashSet<>();
    for (Unit unit : organisation.units()) {
      Staff member = organisation.membersOf(unit.id()).get(0);
      if (unit.supervisor() || !viewers.add(member.id()) || supervisor(member)) {
        continue;
      }
      Set<String> own = member.groups().stream().map(taskOf::get).filter(id -> id != null).collect(Collectors.toSet());
      StaffClient webapp = StaffClient.webapp(port, "tasklist", member.id(), "demo");
      assertThat(webapp.loginStatus).as(member.id() + " logs in to Tasklist").isEqualTo(200);
      Map<String, StaffClient> clients = Map.of("/engine-rest/", StaffClient.rest(port, member.id(), "demo"),
          "/camunda/api/engine/engine/default/", webapp);
      for (Map.Entry<String, StaffClient> entry : clients.entrySet()) {
        String base = entry.getKey();
        StaffClient client = entry.getValue();
        assertThat(ids(client.get(base + QUERY).body())).as(member.id() + " by query at " + base).isEqualTo(own);
        for (String task : taskOf.values()) {
          int status = client.get(base + "task/" + task).statusCode();
          if (own.contains(task)) {
            assertThat(status).as(member.id() + " reads own task " + task).isEqualTo(200);
          } else {
            assertThat(status).as(member.id() + " reads another unit's task " + task + " at " + base).isIn(403, 404);
            assertThat(client.get(base + "task/" + task + "/form-variables").statusCode()).isIn(403, 404);
          }
        }
      }
    }
    assertThat(viewers).hasSizeGreaterThan(10);
  }

  @Test
  void supervisorsSeeEveryUnitsTask() throws Exception {
    for (Unit unit : organisation.units()) {
      if (unit.supervisor()) {
        Staff member = organisation.membersOf(unit.id()).get(0);
        StaffClient client = StaffClient.rest(port, member.id(), "demo");
        assertThat(ids(client.get("/engine-rest/" + QUERY).body())).containsAll(taskOf.values());
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
