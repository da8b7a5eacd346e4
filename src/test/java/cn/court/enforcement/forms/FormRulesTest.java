package cn.court.enforcement.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cn.court.enforcement.support.FormCases;
import cn.court.enforcement.support.FormExample;
import cn.court.enforcement.support.FormSubmissions;
import cn.court.enforcement.support.FormUse;
import cn.court.enforcement.support.StaffClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The server enforces each deployed form's own rules, read from the form: every form's invalid
 * example (forms/examples) is refused over REST with a Chinese message naming the field, and a
 * form changed in Modeler (a new required field) is enforced as soon as it is deployed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ApplicationContext context;

  private FormCases cases;

  @BeforeAll
  void prepare() {
    cases = new FormCases(context);
  }

  @TestFactory
  Stream<DynamicTest> everyFormsInvalidExampleIsRefusedByTheServer() {
    return FormUse.deployed(repository).stream().filter(use -> FormExample.of(use.formId()).invalid() != null)
        .map(use -> dynamicTest(use.toString(), () -> refusesInvalidExample(use)));
  }

  private void refusesInvalidExample(FormUse use) throws IOException {
    FormExample example = FormExample.of(use.formId());
    FormExample.Use how = example.use(use);
    String caseNumber = FormCases.newCaseNumber();
    String user;
    String path;
    if (use.start()) {
      user = cases.prepareStart(use, how, caseNumber);
      path = "/engine-rest/process-definition/" + use.process().getId() + "/submit-form";
    } else {
      FormCases.Reached reached = cases.reachTask(use, how, caseNumber);
      user = reached.user();
      tasks.claim(reached.task().getId(), user);
      path = "/engine-rest/task/" + reached.task().getId() + "/submit-form";
    }
    Map<String, Object> values = new HashMap<>(example.valid(caseNumber));
    values.put(example.invalid().field(), example.invalidValue(caseNumber));

    HttpResponse<String> answer = StaffClient.rest(port, user, "demo").post(path, FormSubmissions.variables(values));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    String label = FormSubmissions.schema(use.formId()).fields().get(example.invalid().field()).label();
    assertThat(JSON.readTree(answer.body()).path("message").asText()).containsAnyOf(label, example.invalid().message());
  }

  /**
   * A case number a clerk types into a start form is this court's (（年）豫0000执[恢]n号) and is
   * refused by its format before any look-up. Not the entrusting court's number of 委托执行,
   * which may be any court's.
   */
  @TestFactory
  Stream<DynamicTest> aStartFormRefusesAMalformedCaseNumberByItsFormat() {
    return FormUse.deployed(repository).stream().filter(FormUse::start)
        .filter(use -> !use.formId().equals("entrusted-request"))
        .flatMap(use -> FormSubmissions.schema(use.formId()).fields().values().stream()
            .filter(field -> field.key().endsWith("aseNumber") && !field.shown())
            .map(field -> dynamicTest(use + " " + field.key(), () -> refusesMalformedCaseNumber(use, field))));
  }

  private void refusesMalformedCaseNumber(FormUse use, FormSchema.Field field) throws IOException {
    FormExample example = FormExample.of(use.formId());
    String caseNumber = FormCases.newCaseNumber();
    String user = cases.prepareStart(use, example.use(use), caseNumber);
    Map<String, Object> values = new HashMap<>(example.valid(caseNumber));
    values.put(field.key(), "（2026）豫0105执字第12号");
    long started = runtime.createProcessInstanceQuery().processDefinitionId(use.process().getId()).count();

    HttpResponse<String> answer = StaffClient.rest(port, user, "demo")
        .post("/engine-rest/process-definition/" + use.process().getId() + "/submit-form", FormSubmissions.variables(values));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(JSON.readTree(answer.body()).path("message").asText()).contains(field.label() + "格式不正确");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(use.process().getId()).count()).isEqualTo(started);
  }

  @Test
  void aFieldADesignerMakesRequiredIsEnforcedWithoutJavaChange() throws IOException {
    String form = Files.readString(Path.of("forms", "dossier-build.form")).replace(
        "\"components\": [", "\"components\": [{\"type\": \"textfield\", \"id\": \"Field_scanOperator\", \"label\": \"扫描人\", "
            + "\"key\": \"scanOperator\", \"validate\": {\"required\": true, \"minLength\": 2}}, ");
    String diagram = Files.readString(Path.of("processes", "dossier.bpmn"))
        .replace("id=\"dossier\"", "id=\"dossier-changed-form\"").replace("processRef=\"dossier\"", "processRef=\"dossier-changed-form\"");
    Deployment deployment = repository.createDeployment().name("扫描人必填")
        .addString("dossier-changed-form.bpmn", diagram).addString("dossier-build.form", form).deploy();
    try {
      ProcessDefinition changed = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
      String caseNumber = FormCases.newCaseNumber();
      String instance = runtime.createProcessInstanceById(changed.getId()).businessKey(caseNumber)
          .setVariable("caseNumber", caseNumber).startBeforeActivity("Task_BuildElectronicDossier").execute().getId();
      String taskId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
      String archivist = cases.leader("archive");
      tasks.claim(taskId, archivist);
      StaffClient staff = StaffClient.rest(port, archivist, "demo");
      Map<String, Object> values = new LinkedHashMap<>(FormExample.of("dossier-build").valid(caseNumber));

      HttpResponse<String> without = staff.post("/engine-rest/task/" + taskId + "/submit-form", FormSubmissions.variables(values));
      assertThat(without.statusCode()).as(without.body()).isEqualTo(400);
      assertThat(JSON.readTree(without.body()).path("message").asText()).isEqualTo("无法完成「同步生成电子卷宗」：请填写扫描人");
      values.put("scanOperator", "李");
      assertThat(JSON.readTree(staff.post("/engine-rest/task/" + taskId + "/submit-form", FormSubmissions.variables(values)).body())
          .path("message").asText()).isEqualTo("无法完成「同步生成电子卷宗」：扫描人至少2个字");

      values.put("scanOperator", "李洋洋");
      assertThat(staff.post("/engine-rest/task/" + taskId + "/submit-form", FormSubmissions.variables(values)).statusCode()).isEqualTo(204);
      assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }
}
