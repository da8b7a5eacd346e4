package cn.court.enforcement.rest;

import static cn.court.enforcement.rest.HostileRequests.assertRefused;
import static cn.court.enforcement.support.FormSubmissions.json;
import static cn.court.enforcement.support.FormSubmissions.typed;
import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.demo.Step;
import cn.court.enforcement.support.FormCases;
import cn.court.enforcement.support.FormExample;
import cn.court.enforcement.support.FormSubmissions;
import cn.court.enforcement.support.FormUse;
import cn.court.enforcement.support.StaffClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * What the generator of hostile requests ({@link HostileInputTest}, issue 18 §4) found, each kept
 * closed as a plain case: every answer a 4xx with a Chinese message and nothing written; and the
 * decisions its open questions needed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedFindingsTest {

  private static final String REST = "/engine-rest";
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

  @Test
  void anUnknownInstancesVariablesAre404NotA500() {
    assertRefused(StaffClient.rest(port, "lilinxia", "demo").get(REST + "/process-instance/-1/variables"), 404);
  }

  @Test
  void ourApiNamesAMissingParameterInChinese() {
    assertThat(assertRefused(StaffClient.rest(port, "juzhang", "demo").get("/api/dossier/catalogue"), 400))
        .contains("caseNumber");
  }

  @Test
  void aCaseNumberNotInItsFormatIsRefusedNotLookedUp() {
    for (String path : new String[] {"/api/petitions?caseNumber=-1", "/api/case-page?caseNumber=null",
        "/api/dossier/catalogue?caseNumber=%3Cscript%3E"}) {
      assertThat(assertRefused(StaffClient.rest(port, "juzhang", "demo").get(path), 400)).as(path).contains("案号格式不正确");
    }
  }

  @Test
  void aStartsBusinessKeyMustBeACaseNumber() {
    FormUse use = use("petition", null);
    FormExample.Use how = FormExample.of(use.formId()).use(use);
    String caseNumber = FormCases.newCaseNumber();
    String user = cases.prepareStart(use, how, caseNumber);
    String key = "（2026）豫0105执1号\n";
    Map<String, Object> valid = FormExample.of(use.formId()).valid(how, caseNumber);
    assertThat(assertRefused(StaffClient.rest(port, user, "demo").post(REST + "/process-definition/key/petition/start",
        json(Map.of("businessKey", key, "variables", typed(valid)))), 400)).contains("业务标识应为案号");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
  }

  /** Tomcat refused these itself, before any application code, with its own English HTML page. */
  @Test
  void anEncodedSlashOrNulInAnApiAddressIsRefusedInChinese() {
    StaffClient staff = StaffClient.rest(port, "lilinxia", "demo");
    for (String path : List.of(REST + "/task/a%2Fb/complete", REST + "/task/a%00b", "/api/case-page/%2F..%2F",
        "/camunda/api/engine/engine/default/task/%00/claim")) {
      HttpResponse<String> answer = path.endsWith("/claim") || path.endsWith("/complete") ? staff.post(path, "{}") : staff.get(path);
      assertThat(assertRefused(answer, 400)).as(path).contains("请求地址无效");
      assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }
    // A page keeps Tomcat's own report: a browser shows it.
    assertThat(staff.get("/court/a%2Fb.html").headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
  }

  @Test
  void anUnknownApiAddressIs404InChinese() {
    assertThat(assertRefused(StaffClient.rest(port, "juzhang", "demo").get("/api/no-such-report"), 404)).contains("接口地址");
  }

  /** Decided: a blank date is one not given (a browser sends an empty date field so): the default period. */
  @Test
  void aBlankDateOfTheOverdueReportIsNotGiven() throws Exception {
    StaffClient chief = StaffClient.rest(port, "juzhang", "demo");
    HttpResponse<String> blank = chief.get("/api/reports/overdue-nodes?from=&to=%20");
    HttpResponse<String> none = chief.get("/api/reports/overdue-nodes");
    assertThat(blank.statusCode()).as(blank.body()).isEqualTo(200);
    JsonNode given = JSON.readTree(blank.body());
    JsonNode omitted = JSON.readTree(none.body());
    assertThat(given.path("from").asText()).isNotEmpty().isEqualTo(omitted.path("from").asText());
    assertThat(given.path("to").asText()).isEqualTo(omitted.path("to").asText());
  }

  /** The deduction's listener threw (500) on a respondent named by label instead of party id. */
  @Test
  void aRespondentPickedByLabelIsRefusedByTheItemsOwnCheck() {
    FormUse use = use(null, "Task_RecordPropertyItem");
    FormExample example = FormExample.of(use.formId());
    FormExample.Use how = example.use(use);
    String caseNumber = FormCases.newCaseNumber();
    FormCases.Reached reached = cases.reachTask(use, how, caseNumber);
    tasks.claim(reached.task().getId(), reached.user());
    Map<String, Object> values = new LinkedHashMap<>(Step.withRespondents(example.valid(how, caseNumber),
        cases.respondentOptions(caseNumber)));
    values.put("respondentPartyId", "郑州某贸易有限公司");
    assertThat(assertRefused(StaffClient.rest(port, reached.user(), "demo").post(REST + "/task/" + reached.task().getId()
        + "/complete", FormSubmissions.variables(values)), 400)).contains("财产所属被执行人");
    assertThat(tasks.createTaskQuery().taskId(reached.task().getId()).count()).isOne();
  }

  private FormUse use(String startOf, String activity) {
    return FormUse.deployed(repository).stream()
        .filter(u -> startOf != null ? u.start() && u.process().getKey().equals(startOf) : activity.equals(u.activityId()))
        .findFirst().orElseThrow();
  }
}
