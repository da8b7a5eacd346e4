package cn.court.enforcement.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.support.StaffClient;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A team sees and works only its own tasks, in Tasklist and over REST; supervisors read all. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;

  String taskId;

  @BeforeEach
  void startProbe() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("authorization-probe").count() == 0) {
      repository.createDeployment().addClasspathResource("authorization-probe.bpmn").deploy();
    }
    runtime.startProcessInstanceByKey("authorization-probe");
    taskId = tasks.createTaskQuery().processDefinitionKey("authorization-probe").list().get(0).getId();
  }

  @AfterEach
  void stopProbe() {
    identity.clearAuthentication();
    runtime.createProcessInstanceQuery().processDefinitionKey("authorization-probe").list()
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test"));
  }

  @Test
  void otherTeamCannotSeeClaimOrCompleteThroughTheJavaApi() {
    identity.setAuthentication("zhouyuan", List.of("ordinary-team-1"));
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
    assertThatThrownBy(() -> tasks.claim(taskId, "zhouyuan")).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> tasks.complete(taskId)).isInstanceOf(AuthorizationException.class);

    identity.setAuthentication("chenlei", List.of("ordinary-team-2"));
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isOne();
  }

  @Test
  void otherTeamCannotSeeClaimOrCompleteOverRest() {
    StaffClient outsider = StaffClient.rest(port, "zhouyuan", "demo");
    assertThat(outsider.get("/engine-rest/task?processDefinitionKey=authorization-probe").body()).isEqualTo("[]");
    assertThat(outsider.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"zhouyuan\"}").statusCode()).isEqualTo(403);
    assertThat(outsider.post("/engine-rest/task/" + taskId + "/complete", "{}").statusCode()).isEqualTo(403);

    StaffClient member = StaffClient.rest(port, "chenlei", "demo");
    assertThat(member.get("/engine-rest/task?processDefinitionKey=authorization-probe").body()).contains(taskId);
    assertThat(member.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"chenlei\"}").statusCode()).isEqualTo(204);
    assertThat(member.post("/engine-rest/task/" + taskId + "/complete", "{}").statusCode()).isEqualTo(204);
  }

  @Test
  void theApplicationsOwnPagesReadWithTheWebappLoginButWriteOnlyWithCredentials() {
    StaffClient leader = StaffClient.webapp(port, "cockpit", "juzhang", "demo");
    assertThat(leader.loginStatus).isEqualTo(200);
    assertThat(leader.get("/api/allocation/fairness").statusCode()).isEqualTo(200);
    assertThat(leader.post("/api/allocation/fairness", "{}").statusCode()).isEqualTo(401);

    StaffClient clerk = StaffClient.webapp(port, "tasklist", "lilinxia", "demo");
    assertThat(clerk.get("/api/allocation/fairness").statusCode()).isEqualTo(403);
    assertThat(StaffClient.rest(port, null, null).get("/api/allocation/fairness").statusCode()).isEqualTo(401);
  }

  @Test
  void tasklistShowsTheTaskOnlyToItsTeamAndBureauLeadersReadIt() {
    StaffClient outsider = StaffClient.webapp(port, "tasklist", "zhouyuan", "demo");
    assertThat(outsider.loginStatus).isEqualTo(200);
    assertThat(outsider.get("/camunda/api/engine/engine/default/task?processDefinitionKey=authorization-probe").body())
        .isEqualTo("[]");

    StaffClient member = StaffClient.webapp(port, "tasklist", "chenlei", "demo");
    assertThat(member.get("/camunda/api/engine/engine/default/task?processDefinitionKey=authorization-probe").body())
        .contains(taskId);

    StaffClient leader = StaffClient.rest(port, "chenyanling", "demo");
    assertThat(leader.get("/engine-rest/task?processDefinitionKey=authorization-probe").body()).contains(taskId);
    assertThat(leader.get("/engine-rest/history/process-instance?processDefinitionKey=authorization-probe").body())
        .contains("authorization-probe");
    assertThat(leader.post("/engine-rest/task/" + taskId + "/complete", "{}").statusCode()).isEqualTo(403);
  }

  @Test
  void onlySupervisorsReachCockpitAndOnlyAdministratorsReachAdmin() {
    assertThat(StaffClient.webapp(port, "cockpit", "wanghui", "demo").loginStatus).isEqualTo(200);
    assertThat(StaffClient.webapp(port, "cockpit", "zhouyuan", "demo").loginStatus).isNotEqualTo(200);
    assertThat(StaffClient.webapp(port, "admin", "juzhang", "demo").loginStatus).isNotEqualTo(200);
    assertThat(StaffClient.webapp(port, "admin", "admin", "demo").loginStatus).isEqualTo(200);
  }

  @Test
  void restRefusesMissingAndWrongCredentials() {
    assertThat(StaffClient.rest(port, null, null).get("/engine-rest/task").statusCode()).isEqualTo(401);
    assertThat(StaffClient.rest(port, null, null).get("/api/anything").statusCode()).isEqualTo(401);
    // A user no other test logs in as: a failed login locks the account for a few seconds.
    assertThat(StaffClient.rest(port, "guomin", "wrong").get("/engine-rest/task").statusCode()).isEqualTo(401);
  }
}
