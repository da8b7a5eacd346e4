package cn.court.enforcement.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.support.StaffClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health for anyone (status only), its details and the metrics for administrators, as a probe and Prometheus ask. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // tests switch metrics export off otherwise
class ActuatorEndpointsTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Test
  void healthAnswersAnyoneWithItsStatusAlone() {
    StaffClient anonymous = StaffClient.rest(port, null, null);
    for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"}) {
      HttpResponse<String> health = anonymous.get(path);
      assertThat(health.statusCode()).as(path).isEqualTo(200);
      assertStatusAlone(health.body());
    }
    // A clerk is no monitor: the same status, no details either.
    assertStatusAlone(StaffClient.rest(port, "lilinxia", "demo").get("/actuator/health").body());
  }

  private static void assertStatusAlone(String health) {
    assertThat(health).startsWith("{\"status\":\"UP\"").doesNotContain("components", "details", "db", "processEngine");
  }

  @Test
  void anAdministratorSeesTheDatabaseAndTheEngineInHealth() {
    StaffClient admin = StaffClient.rest(port, "admin", "demo");
    assertThat(admin.get("/actuator/health").body()).contains("\"db\"", "\"processEngine\"", "\"diskSpace\"");
    assertThat(admin.get("/actuator/health/readiness").body()).contains("\"db\"", "\"processEngine\"", "\"readinessState\"");
    assertThat(admin.get("/actuator/health/liveness").body()).contains("\"livenessState\"").doesNotContain("\"db\"");
  }

  @Test
  void metricsRefuseStrangersAndClerks() {
    assertThat(scrape(null, null).statusCode()).isEqualTo(401);
    assertThat(scrape("nobody-here", "demo").statusCode()).isEqualTo(401);
    HttpResponse<String> clerk = scrape("lilinxia", "demo");
    assertThat(clerk.statusCode()).isEqualTo(403);
    assertThat(clerk.body()).contains("您无权查看系统运行监控数据");
    // Nothing else under /actuator slips past: the index and paths that only look like health.
    assertThat(StaffClient.rest(port, null, null).get("/actuator").statusCode()).isEqualTo(401);
    assertThat(StaffClient.rest(port, null, null).get("/actuator/health/../prometheus").statusCode()).isIn(400, 401);
    assertThat(StaffClient.rest(port, "lilinxia", "demo").get("/actuator").statusCode()).isEqualTo(403);
  }

  @Test
  void anAdministratorReadsTheEngineFiguresAmongTheMetrics() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("authorization-probe").count() == 0) {
      repository.createDeployment().addClasspathResource("authorization-probe.bpmn").deploy();
    }
    String instance = runtime.startProcessInstanceByKey("authorization-probe").getId();
    try {
      HttpResponse<String> metrics = scrape("admin", "demo");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(figure(metrics.body(), "court_tasks_open")).isEqualTo(tasks.createTaskQuery().count()).isPositive();
      assertThat(figure(metrics.body(), "court_process_instances")).isPositive();
      for (String name : new String[] {"court_tasks_overdue", "court_jobs_due", "court_jobs_failed", "court_incidents_open"}) {
        assertThat(figure(metrics.body(), name)).as(name).isNotNegative();
      }
      assertThat(metrics.body()).contains("hikaricp_connections_active", "jvm_memory_used_bytes");
    } finally {
      runtime.deleteProcessInstance(instance, "test");
    }
  }

  /** As Prometheus asks: HTTP Basic, text exposition format. */
  private HttpResponse<String> scrape(String user, String password) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
        .header("Accept", "text/plain;version=0.0.4;q=0.3,*/*;q=0.2");
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long figure(String metrics, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\{application=\"enforcement-bureau\"} (\\S+)$").matcher(metrics);
    assertThat(m.find()).as("%s in%n%s", name, metrics).isTrue();
    return (long) Double.parseDouble(m.group(1));
  }
}
