package cn.court.enforcement.rest;

import static cn.court.enforcement.rest.HostileRequests.assertRefused;
import static cn.court.enforcement.support.FormSubmissions.json;
import static cn.court.enforcement.support.FormSubmissions.typed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cn.court.enforcement.forms.FormSchema;
import cn.court.enforcement.support.FormCases;
import cn.court.enforcement.support.FormExample;
import cn.court.enforcement.support.FormSubmissions;
import cn.court.enforcement.support.FormUse;
import cn.court.enforcement.support.StaffClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every start form and task form of every deployed process, sent what a fuzzer sends: wrong
 * types, over-long values, undeclared variables, files, malformed or deeply nested JSON,
 * oversized bodies, nothing at all, unknown ids. The answer is always a 4xx with a Chinese
 * message and no engine text; nothing is started, the task stays open, no incident appears.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzedFormsTest {

  private static final String API = "/engine-rest";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  private FormCases cases;

  @BeforeAll
  void prepare() {
    cases = new FormCases(context);
  }

  @TestFactory
  Stream<DynamicTest> everyFormRefusesEveryKindOfBadInput() {
    List<FormUse> uses = FormUse.deployed(repository);
    assertThat(uses).extracting(FormUse::start).contains(true, false);
    return uses.stream().map(use -> dynamicTest(use.toString(), () -> fuzz(use)));
  }

  @Test
  void unknownIdsAnswer404InChinese() {
    StaffClient clerk = StaffClient.rest(port, "lilinxia", "demo");
    String body = FormSubmissions.variables(Map.of("filingCheck", "correct"));
    assertRefused(clerk.post(API + "/task/no-such-task/submit-form", body), 404);
    assertRefused(clerk.post(API + "/task/no-such-task/complete", body), 404);
    assertRefused(clerk.post(API + "/task/no-such-task/claim", "{\"userId\":\"lilinxia\"}"), 404);
    assertRefused(clerk.post(API + "/process-definition/no-such-definition/submit-form", body), 404);
    assertRefused(clerk.post(API + "/process-definition/key/no-such-process/start", body), 404);
    assertRefused(clerk.get(API + "/task/no-such-task"), 404);
    assertRefused(clerk.get(API + "/no-such-resource"), 404);
  }

  private void fuzz(FormUse use) throws IOException {
    FormExample example = FormExample.of(use.formId());
    FormExample.Use how = example.use(use);
    String caseNumber = FormCases.newCaseNumber();
    FormSchema form = FormSubmissions.schema(use.formId());
    String path;
    String user;
    String instance = null;
    if (use.start()) {
      user = cases.prepareStart(use, how, caseNumber);
      path = API + "/process-definition/key/" + use.process().getKey() + "/submit-form";
    } else {
      FormCases.Reached reached = cases.reachTask(use, how, caseNumber);
      instance = reached.processInstanceId();
      user = reached.user();
      tasks.claim(reached.task().getId(), user);
      path = API + "/task/" + reached.task().getId() + "/submit-form";
    }
    StaffClient staff = StaffClient.rest(port, user, "demo");
    Map<String, Object> valid = example.valid(how, caseNumber);

    assertThat(assertRefused(staff.post(path, body(valid, "undeclaredVariable", Map.of("value", "x"))), 400))
        .contains("表单中没有「undeclaredVariable」");
    for (FormSchema.Field field : form.fields().values()) {
      if (field.shown()) {
        continue;
      }
      for (Object wrong : wrongValues(field)) {
        assertThat(assertRefused(staff.post(path, body(valid, field.key(), wrong)), 400))
            .as("%s = %s", field.key(), wrong).contains(field.label());
      }
      assertRefused(staff.post(path, body(valid, field.key(), Map.of("type", "File", "value", "QUJD"))), 400);
      if (field.kind() == FormSchema.Kind.TEXT) {
        assertRefused(staff.post(path, body(valid, field.key(), Map.of("value", "字".repeat(field.maxLength() + 1)))), 400);
      }
    }
    assertRefused(staff.post(path, "{\"variables\": {"), 400);
    assertRefused(staff.post(path, "[".repeat(5000) + "]".repeat(5000)), 400);
    assertRefused(staff.post(path, "{\"variables\": [1, 2]}"), 400);
    assertRefused(staff.post(path, "{\"variables\": {\"" + firstEditable(form) + "\": 5}}"), 400);
    assertRefused(staff.post(path, "{\"variables\": {\"" + firstEditable(form) + "\": {\"value\": \""
        + "x".repeat(FormSubmissionGuard.MAX_FORM_BODY) + "\"}}}"), 413);

    if (use.start()) {
      assertRefused(staff.post(path, "{\"variables\": {}}"), 400);
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
          .processDefinitionKey(use.process().getKey()).count()).as("nothing started").isZero();
    } else {
      // Nothing at all: refused where the form requires something; accepted where it may be empty.
      HttpResponse<String> empty = staff.post(path, "{\"variables\": {}}");
      if (empty.statusCode() != 204) {
        assertRefused(empty, 400);
      }
      cases.runJobs(instance);
      assertThat(cases.tree(instance)).allSatisfy(id ->
          assertThat(runtime.createIncidentQuery().processInstanceId(id).count()).as("incidents").isZero());
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE case_number = ?", Integer.class, caseNumber))
        .as("registry rows of " + caseNumber).isLessThanOrEqualTo(how.registerCase() ? 1 : 0);
  }

  /** Values of the wrong kind for the field, as a REST client could send them. */
  static List<Object> wrongValues(FormSchema.Field field) {
    return switch (field.kind()) {
      case TEXT -> List.of(Map.of("value", 12345), Map.of("value", true),
          Map.of("type", "Date", "value", "2026-01-01T00:00:00.000+0800"),
          Map.of("type", "Json", "value", "[\"a\"]"));
      case NUMBER -> List.of(Map.of("value", "abc"), Map.of("value", false), Map.of("type", "String", "value", "12"));
      case BOOLEAN -> List.of(Map.of("value", "yes"), Map.of("value", 1), Map.of("type", "String", "value", "true"));
      case LIST -> List.of(Map.of("type", "Json", "value", "5"), Map.of("value", "ordinary-team-1"),
          Map.of("value", 7), Map.of("type", "Json", "value", "[\"no-such-option\"]"),
          Map.of("type", "Json", "value", "{\"a\": 1}"), Map.of("type", "Date", "value", "2026-01-01T00:00:00.000+0800"));
      case OBJECT -> List.of(Map.of("value", 5));
    };
  }

  private static String body(Map<String, Object> valid, String key, Object variable) {
    Map<String, Object> variables = new LinkedHashMap<>(typed(valid));
    variables.put(key, variable);
    return json(Map.of("variables", variables));
  }

  private static String firstEditable(FormSchema form) {
    return form.fields().values().stream().filter(field -> !field.shown()).map(FormSchema.Field::key)
        .findFirst().orElseThrow();
  }
}
