package cn.court.enforcement.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.support.StaffClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case registry inside the real application: it shares the engine's transaction, and a
 * refused start or completion answers 400 over Camunda's REST API with the Chinese message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class CaseRegistrySpringTest {

  // Demo users of the organisation file, for when the REST API requires HTTP Basic.
  private static final String FILING_CLERK = "lianyuan";
  private static final String INTAKE_CLERK = "lilinxia";
  private static final String DEMO_PASSWORD = "demo";

  @Autowired RuntimeService runtimeService;
  @Autowired PartyVariablesBackfill backfill;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  @Test
  void startRegistersTheCaseUnderItsCaseNumber() {
    String caseNumber = CaseFlow.newCaseNumber();
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, CaseFlow.filing(caseNumber));
    assertThat(instance.getBusinessKey()).isEqualTo(caseNumber);
    assertThat(jdbc.queryForObject("SELECT process_instance_id FROM case_file WHERE case_number = ?", String.class,
        caseNumber)).isEqualTo(instance.getId());
  }

  /** A case filed before V5 has only the registry's parties; start-up gives it the party variables. */
  @Test
  void caseRunningSinceBeforePartiesGetsItsPartyVariables() {
    String caseNumber = CaseFlow.newCaseNumber();
    String id = runtimeService.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, CaseFlow.filing(caseNumber)).getId();
    List<String> partyVariables = List.of("respondentOptions", "partiesText", "applicantCount", "applicant1",
        "respondentCount", "respondent1");
    runtimeService.removeVariables(id, partyVariables);
    backfill.run(null);
    assertThat(runtimeService.getVariables(id, partyVariables)).containsEntry("applicantCount", 1)
        .containsEntry("respondentCount", 1).containsKeys("respondentOptions", "partiesText");
    assertThat(runtimeService.getVariable(id, "respondent1").toString())
        .isEqualTo("{\"name\":\"某某建材有限公司\",\"legalRepresentative\":\"李某\",\"idNumber\":\"" + CaseFlow.CREDIT_CODE
            + "\",\"address\":\"河南省某县工业园区8号\"}");
  }

  @Test
  void duplicateCaseNumberIsRefusedAndLeavesOneCase() {
    String caseNumber = CaseFlow.newCaseNumber();
    runtimeService.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, CaseFlow.filing(caseNumber));
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, CaseFlow.filing(caseNumber)))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("已经立案，不能重复立案");
    assertThat(cases(caseNumber)).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(CaseVariables.PROCESS_KEY).count()).isEqualTo(1);
  }

  @Test
  void registryWriteRollsBackWithTheEngineTransaction() {
    String caseNumber = CaseFlow.newCaseNumber();
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      runtimeService.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, CaseFlow.filing(caseNumber));
      throw new IllegalStateException("later step of the same transaction fails");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(cases(caseNumber)).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
  }

  @Test
  void badStartFormAnswers400WithChineseMessageAndWritesNothing() {
    String caseNumber = CaseFlow.newCaseNumber();
    Map<String, Object> body = Map.of("variables", Map.of(
        "caseNumber", Map.of("value", caseNumber),
        "filingDate", Map.of("value", CaseFlow.today()),
        "applicantCount", Map.of("value", 1),
        "applicant1", Map.of("type", "Json", "value", "{\"name\": \"张三\", \"idNumber\": \"110105194912310021\"}")));
    ResponseEntity<Map> response = rest.withBasicAuth(FILING_CLERK, DEMO_PASSWORD).postForEntity(
        "/engine-rest/process-definition/key/enforcement-case/submit-form", body, Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message")).contains("无法启动「执行案件办理」", "请填写被执行人人数",
        "请填写申请执行标的金额（元）");
    assertThat(cases(caseNumber)).isZero();
  }

  @Test
  void tasklistShowsTheRefusalInChineseAlone() {
    String caseNumber = CaseFlow.newCaseNumber();
    StaffClient tasklist = StaffClient.webapp(port, "tasklist", FILING_CLERK, DEMO_PASSWORD);
    HttpResponse<String> response = tasklist.post(
        "/camunda/api/engine/engine/default/process-definition/key/enforcement-case/submit-form",
        "{\"variables\": {\"caseNumber\": {\"value\": \"" + caseNumber + "\"}}}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("请填写申请执行人人数").doesNotContain("Cannot");
    assertThat(cases(caseNumber)).isZero();
  }

  @Test
  void badStartOverTheStartEndpointAlsoAnswers400() {
    String caseNumber = CaseFlow.newCaseNumber();
    Map<String, Object> body = Map.of("businessKey", caseNumber, "variables", Map.of(
        "caseNumber", Map.of("value", caseNumber), "filingDate", Map.of("value", CaseFlow.today())));
    ResponseEntity<Map> response = rest.withBasicAuth(FILING_CLERK, DEMO_PASSWORD).postForEntity(
        "/engine-rest/process-definition/key/enforcement-case/start", body, Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message")).contains("请填写申请执行人人数").doesNotContain("Cannot");
    assertThat(cases(caseNumber)).isZero();
    ResponseEntity<Map> unknown = rest.withBasicAuth(FILING_CLERK, DEMO_PASSWORD).postForEntity(
        "/engine-rest/process-definition/key/no-such-process/start", body, Map.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void refusedTaskCompletionAnswers400AndKeepsTheTaskOpen(CapturedOutput output) {
    int logged = output.getOut().length();
    String caseNumber = CaseFlow.newCaseNumber();
    runtimeService.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, CaseFlow.filing(caseNumber));
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_VerifyFilingData").singleResult().getId();
    taskService.claim(taskId, INTAKE_CLERK);
    ResponseEntity<Map> response = rest.withBasicAuth(INTAKE_CLERK, DEMO_PASSWORD).postForEntity(
        "/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Map.of("filingCheck", Map.of("value", "needs-correction"))), Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message")).contains("无法完成「核对立案信息」：请填写需更正的内容");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    // The clerk's mistake is one warning line in the log, not an engine error with a stack trace.
    String log = output.getOut().substring(logged);
    assertThat(log).contains("WARN").contains("请求被拒绝（400）：无法完成「核对立案信息」：请填写需更正的内容")
        .doesNotContain("ENGINE-16004").doesNotContain("\tat ");
  }

  private int cases(String caseNumber) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE case_number = ?", Integer.class, caseNumber);
  }
}
