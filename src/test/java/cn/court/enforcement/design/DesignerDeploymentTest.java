package cn.court.enforcement.design;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessApplicationDeployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Designers deploy from Camunda Modeler over {@code /engine-rest/deployment/create}, with the
 * multipart body Modeler 5.x sends (deployment-name, deployment-source "Camunda Modeler",
 * enable-duplicate-filtering, the open diagram under its file name, attached files beside it);
 * nobody else may, and what breaks the contract is refused with its reason. Its own context:
 * the new enforcement-case version must not reach other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "court.test.context=designer")
@DirtiesContext
class DesignerDeploymentTest {

  static final String CASE = "processes/enforcement-case.bpmn";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired Organisation organisation;

  @Test
  void theApplicationsOwnDeploymentAtStartUpPassesTheCheck() {
    Deployment own = repository.createDeploymentQuery()
        .deploymentSource(ProcessApplicationDeployment.PROCESS_APPLICATION_DEPLOYMENT_SOURCE).singleResult();
    Map<String, byte[]> resources = new LinkedHashMap<>();
    repository.getDeploymentResourceNames(own.getId()).forEach(name -> resources.put(name, resource(own.getId(), name)));
    assertThat(resources.keySet()).anyMatch(name -> name.endsWith("enforcement-case.bpmn"))
        .anyMatch(name -> name.endsWith("case-filing.form"));
    assertThat(new DeploymentCheck(organisation.units().stream().map(Unit::id).toList())
        .problems(resources, DeploymentCheck.Deployed.NOTHING)).isEmpty();
  }

  @Test
  void aDesignerDeploysAChangedEnforcementCaseWithItsFormsAsModelerDoes() {
    int before = latestCase().getVersion();
    String changed = ProjectFiles.text(CASE).replace("name=\"执行案件办理\"", "name=\"执行案件办理（修订）\"");
    assertThat(modeler("shejiyuan").get("/engine-rest/deployment?maxResults=0").statusCode()).isEqualTo(200);

    HttpResponse<String> answer = modeler("shejiyuan").deploy(withForms(changed));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("deployedProcessDefinitions", "enforcement-case");
    assertThat(latestCase().getVersion()).isEqualTo(before + 1);
    assertThat(latestCase().getName()).isEqualTo("执行案件办理（修订）");
  }

  @Test
  void nobodyButDesignersMayDeploy() {
    for (String user : new String[] {"juzhang", "lilinxia"}) {
      HttpResponse<String> answer = modeler(user).deploy(withForms(ProjectFiles.text(CASE)));
      assertThat(answer.statusCode()).isEqualTo(403);
      assertThat(answer.body()).contains("您无权执行此操作");
    }
  }

  @Test
  void aDiagramAloneIsRefusedNamingTheFormsToAttach() {
    int before = latestCase().getVersion();
    Map<String, byte[]> alone = Map.of("enforcement-case.bpmn", ProjectFiles.read(java.nio.file.Path.of(CASE)));

    HttpResponse<String> answer = modeler("shejiyuan").deploy(alone);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("部署未通过检查", "请在 Camunda Modeler 的部署窗口中把它们作为附加文件一并部署",
        "case-filing.form", "triage-confirm.form");
    assertThat(latestCase().getVersion()).isEqualTo(before);
  }

  @Test
  void aBrokenDiagramAndAFormMissingADecidedKeyAreRefusedWithTheirReason() {
    int before = latestCase().getVersion();
    String unknownGroup = ProjectFiles.text(CASE).replace(
        "camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"intake\">",
        "camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"intak\">");
    HttpResponse<String> broken = modeler("shejiyuan").deploy(withForms(unknownGroup));
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("用户任务 Task_VerifyFilingData（核对立案信息）的候选组 'intak' 不是组织机构");

    Map<String, byte[]> files = withForms(ProjectFiles.text(CASE).replace("name=\"执行案件办理\"", "name=\"执行案件办理（乙）\""));
    files.put("triage-confirm.form", DeploymentCheckTest.bytes(
        DeploymentCheckTest.withoutField(ProjectFiles.text("forms/triage-confirm.form"), "caseTrack")));
    HttpResponse<String> missingKey = modeler("shejiyuan").deploy(files);
    assertThat(missingKey.statusCode()).isEqualTo(400);
    assertThat(missingKey.body()).contains("表单 triage-confirm 缺少字段 'caseTrack'", "Task_ConfirmTrack");

    assertThat(latestCase().getVersion()).isEqualTo(before);
  }

  private ProcessDefinition latestCase() {
    return repository.createProcessDefinitionQuery().processDefinitionKey("enforcement-case").latestVersion().singleResult();
  }

  /** The diagram as Modeler names it (its file name) and, attached, every form it references. */
  private static Map<String, byte[]> withForms(String diagram) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("enforcement-case.bpmn", diagram.getBytes(StandardCharsets.UTF_8));
    Matcher ref = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(diagram);
    while (ref.find()) {
      files.put(ref.group(1) + ".form", ProjectFiles.read(java.nio.file.Path.of("forms", ref.group(1) + ".form")));
    }
    return files;
  }

  private byte[] resource(String deploymentId, String name) {
    try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Modeler modeler(String user) {
    return new Modeler("http://localhost:" + port, user);
  }

  /** Camunda Modeler's REST calls (client/src/plugins/deployment-tool/shared/CamundaAPI.js, Modeler 5.x). */
  record Modeler(String base, String user) {

    HttpResponse<String> get(String path) {
      return send(request(path).GET());
    }

    HttpResponse<String> deploy(Map<String, byte[]> files) {
      String boundary = "----ModelerFormBoundary" + UUID.randomUUID();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      field(body, boundary, "deployment-name", "enforcement-case");
      field(body, boundary, "deployment-source", "Camunda Modeler");
      field(body, boundary, "enable-duplicate-filtering", "true");
      files.forEach((name, content) -> {
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
            + "\"\r\nContent-Type: " + (name.endsWith(".bpmn") ? "text/xml" : "application/octet-stream") + "\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n");
      });
      write(body, "--" + boundary + "--\r\n");
      return send(request("/engine-rest/deployment/create")
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
      write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream body, String text) {
      body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
