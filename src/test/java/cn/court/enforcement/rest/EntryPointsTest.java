package cn.court.enforcement.rest;

import static cn.court.enforcement.rest.HostileRequests.assertRefused;
import static cn.court.enforcement.support.FormSubmissions.json;
import static cn.court.enforcement.support.FormSubmissions.typed;
import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.RecordMeasure;
import cn.court.enforcement.support.FormCases;
import cn.court.enforcement.support.FormExample;
import cn.court.enforcement.support.FormUse;
import cn.court.enforcement.support.StaffClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The holes a probe of the running application found, each closed: a submitted case number
 * steering the random allocation or the closure checks, wrong-typed teams reaching the
 * allocation job, and ways into a process around its start form. Every start path of every
 * process, tried as staff, either goes through the start form's checks or is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntryPointsTest {

  private static final String API = "/engine-rest";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired CaseRegistry registry;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  private FormCases cases;

  @BeforeAll
  void prepare() {
    cases = new FormCases(context);
  }

  @Test
  void anotherCasesNumberCannotSteerTheRandomAllocation() {
    String drawn = FormCases.newCaseNumber();
    allocate(drawn, Map.of());
    String steered = FormCases.newCaseNumber();

    String instance = allocate(steered, Map.of("caseNumber", Map.of("value", drawn)));

    assertThat(runtime.getVariable(instance, "caseNumber")).isEqualTo(steered);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM allocation_draw WHERE case_number = ?", Integer.class, steered))
        .as("a draw recorded for the case itself").isEqualTo(1);
    assertThat(runtime.getVariable(instance, "handlingTeam")).isNotNull();
    HttpResponse<String> verification = StaffClient.rest(port, "wanghui", "demo").get("/api/allocation/verification");
    assertThat(verification.body()).contains("\"ok\":true");
  }

  @Test
  void aTeamCannotSetItsOwnTeamOrAnyVariableItsFormDoesNotHave() {
    Reached confirm = reach("Task_ConfirmTrack");
    String message = assertRefused(confirm.staff.post(confirm.path,
        body(confirm.valid, Map.of("handlingTeam", Map.of("value", "ordinary-team-1")))), 400);
    assertThat(message).contains("表单中没有「handlingTeam」");
    assertThat(tasks.createTaskQuery().taskId(confirm.taskId).count()).isOne();
  }

  @Test
  void wrongTypedConflictTeamsNeverReachTheAllocationJob() {
    Reached confirm = reach("Task_ConfirmTrack");
    Map<String, Object> ordinary = new LinkedHashMap<>(confirm.valid);
    ordinary.put("conflictReason", "承办人与被执行人系亲属");
    for (Object teams : List.of(Map.of("value", 5), Map.of("value", "2026-11-20"), Map.of("value", "ordinary-team-1"),
        Map.of("type", "Json", "value", "{\"team\": \"ordinary-team-1\"}"),
        Map.of("type", "Json", "value", "[\"ordinary-team-9\"]"), Map.of("type", "Json", "value", "[5]"))) {
      assertThat(assertRefused(confirm.staff.post(confirm.path, body(ordinary, Map.of("conflictTeams", teams))), 400))
          .as("conflictTeams = %s", teams).contains("回避的普执团队");
    }
    assertThat(tasks.createTaskQuery().taskId(confirm.taskId).count()).isOne();
    assertThat(management.createJobQuery().processInstanceId(confirm.instance).activityId("Task_AllocateTeamAtRandom")
        .count()).isZero();
    assertThat(runtime.createIncidentQuery().processInstanceId(confirm.instance).count()).isZero();
  }

  @Test
  void theClosureChecksReadTheCaseItselfNotASubmittedNumber() {
    // A registered case with both interviews on record.
    String interviewed = reach("Task_ConfirmTrack").caseNumber;
    registry.recordMeasure(interviewed, RecordMeasure.INTERVIEW_PREFIX + "applicant", LocalDate.now(), "谈话");
    registry.recordMeasure(interviewed, RecordMeasure.INTERVIEW_PREFIX + "respondent", LocalDate.now(), "谈话");
    Reached next = reach("Task_ChooseNextMeasure");
    Map<String, Object> closure = Map.of("nextMeasure", "propose-closure", "closureKind", "fully-performed");

    for (Object number : List.of(Map.of("value", interviewed), Map.of("value", 97006), Map.of("value", "no-such-case"))) {
      String message = assertRefused(next.staff.post(next.path, body(closure, Map.of("caseNumber", number))), 400);
      assertThat(message).contains("尚无对申请执行人的谈话笔录");
    }
    assertThat(runtime.getVariable(next.instance, "caseNumber")).isEqualTo(next.caseNumber);
  }

  @Test
  void staffCannotStartInsideAProcessSkipListenersCorrelateOrModify() {
    StaffClient filing = StaffClient.rest(port, "lianyuan", "demo");
    StaffClient tasklist = StaffClient.webapp(port, "tasklist", "lianyuan", "demo");
    String caseNumber = FormCases.newCaseNumber();
    Map<String, Object> filed = FormExample.of("case-filing").valid(caseNumber);
    String start = "/process-definition/key/enforcement-case/start";

    for (Map<String, ?> around : List.<Map<String, ?>>of(
        Map.of("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_AllocateTeamAtRandom"))),
        Map.of("skipCustomListeners", true), Map.of("skipIoMappings", true), Map.of("caseInstanceId", "x"))) {
      Map<String, Object> body = new LinkedHashMap<>(Map.of("businessKey", caseNumber, "variables", typed(filed)));
      body.putAll(around);
      assertRefused(filing.post(API + start, json(body)), 403);
      assertRefused(tasklist.post("/camunda/api/engine/engine/default" + start, json(body)), 403);
    }
    assertRefused(filing.post(API + "/message", json(Map.of("messageName", "CaseClosed", "businessKey", caseNumber))), 403);
    assertRefused(filing.post(API + "/signal", json(Map.of("name", "anything"))), 403);
    String running = runtime.createProcessInstanceByKey("enforcement-case").businessKey(FormCases.newCaseNumber())
        .setVariable("filingDate", LocalDate.now().toString()).startBeforeActivity("Task_VerifyFilingData").execute().getId();
    assertRefused(filing.post(API + "/process-instance/" + running + "/modification",
        json(Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_AllocateTeamAtRandom"))))),
        403);
    assertRefused(filing.post(API + "/modification/execute", json(Map.of("processInstanceIds", List.of(running)))), 403);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
    assertThat(runtime.getActiveActivityIds(running)).containsExactly("Task_VerifyFilingData");
  }

  @Test
  void everyStartPathOfEveryProcessGoesThroughItsStartFormOrIsRefused() {
    List<FormUse> startForms = FormUse.deployed(repository).stream().filter(FormUse::start).toList();
    for (ProcessDefinition process : repository.createProcessDefinitionQuery().latestVersion().list()) {
      FormUse form = startForms.stream().filter(use -> use.process().getId().equals(process.getId())).findFirst().orElse(null);
      String caseNumber = FormCases.newCaseNumber();
      String user = form != null ? cases.prepareStart(form, FormExample.of(form.formId()).use(form), caseNumber) : "lianyuan";
      StaffClient staff = StaffClient.rest(port, user, "demo");
      Map<String, Object> values = form != null ? FormExample.of(form.formId()).valid(caseNumber) : Map.of();
      String byKey = API + "/process-definition/key/" + process.getKey();
      String body = json(Map.of("businessKey", caseNumber, "variables", typed(values)));

      for (String path : List.of(byKey + "/start", byKey + "/submit-form", API + "/process-definition/" + process.getId() + "/start")) {
        HttpResponse<String> answer = staff.post(path, body);
        if (answer.statusCode() != 200) {
          assertRefused(answer, 400, 403);
        }
      }
      assertRefused(staff.post(byKey + "/start", json(Map.of("businessKey", caseNumber, "startInstructions",
          List.of(Map.of("type", "startBeforeActivity", "activityId", lastActivity(process)))))), 403);
      for (Message message : repository.getBpmnModelInstance(process.getId()).getModelElementsByType(Message.class)) {
        assertRefused(staff.post(API + "/message", json(Map.of("messageName", message.getName(), "businessKey", caseNumber))), 403);
      }
      if (process.getKey().equals("enforcement-case")) {
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(process.getKey()).processInstanceBusinessKey(caseNumber)
            .count()).as("one case filed").isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE case_number = ?", Integer.class, caseNumber))
            .as("with its registry row").isOne();
      } else if (form == null) {
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(process.getKey())
            .processInstanceBusinessKey(caseNumber).count()).as("%s started by staff", process.getKey()).isZero();
      }
    }
  }

  // --- fixtures ------------------------------------------------------------------------------

  private record Reached(String instance, String taskId, String caseNumber, StaffClient staff, String path,
      Map<String, Object> valid) {}

  /** The task's case as its form example reaches it, claimed by the member who acts. */
  private Reached reach(String activityId) {
    FormUse use = FormUse.deployed(repository).stream().filter(candidate -> candidate.activityId().equals(activityId))
        .findFirst().orElseThrow();
    FormExample example = FormExample.of(use.formId());
    String caseNumber = FormCases.newCaseNumber();
    FormCases.Reached reached = cases.reachTask(use, example.use(use), caseNumber);
    tasks.claim(reached.task().getId(), reached.user());
    return new Reached(reached.processInstanceId(), reached.task().getId(), caseNumber,
        StaffClient.rest(port, reached.user(), "demo"), API + "/task/" + reached.task().getId() + "/submit-form",
        example.valid(caseNumber));
  }

  /** Confirms the ordinary track as triage, with extra variables, and runs the allocation job. */
  private String allocate(String caseNumber, Map<String, Object> extra) {
    FormUse use = FormUse.deployed(repository).stream().filter(candidate -> candidate.activityId().equals("Task_ConfirmTrack"))
        .findFirst().orElseThrow();
    FormExample example = FormExample.of(use.formId());
    FormCases.Reached reached = cases.reachTask(use, example.use(use), caseNumber);
    tasks.claim(reached.task().getId(), reached.user());
    HttpResponse<String> answer = StaffClient.rest(port, reached.user(), "demo")
        .post(API + "/task/" + reached.task().getId() + "/submit-form", body(example.valid(caseNumber), extra));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    cases.runJobs(reached.processInstanceId());
    return reached.processInstanceId();
  }

  private static String body(Map<String, Object> values, Map<String, Object> extra) {
    Map<String, Object> variables = new LinkedHashMap<>(typed(values));
    variables.putAll(extra);
    return json(Map.of("variables", variables));
  }

  private String lastActivity(ProcessDefinition process) {
    return repository.getBpmnModelInstance(process.getId())
        .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class).stream()
        .reduce((first, second) -> second).orElseThrow().getId();
  }
}
