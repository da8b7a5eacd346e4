package cn.court.enforcement.rest;

import static cn.court.enforcement.rest.HostileRequests.assertRefused;
import static cn.court.enforcement.support.FormSubmissions.json;
import static cn.court.enforcement.support.FormSubmissions.typed;
import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.demo.Step;
import cn.court.enforcement.forms.FormSchema;
import cn.court.enforcement.support.FormCases;
import cn.court.enforcement.support.FormExample;
import cn.court.enforcement.support.FormSubmissions;
import cn.court.enforcement.support.FormUse;
import cn.court.enforcement.support.StaffClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A thousand generated hostile requests, from a seed printed first so that a failure can be
 * replayed ({@code -Dhostile.seed=…}): missing, extra and wrong-typed variables, unknown ids,
 * 1 MB strings, script, SQL and HTML in text fields, malformed case numbers and JSON that is not
 * an object, sent to the start and task forms of every deployed process through {@code /engine-rest}
 * and through the webapps' engine API as Tasklist sends them (session cookie and XSRF token),
 * and to the application's own {@code /api}. Every refusal is a 4xx with a Chinese message and
 * no engine text and leaves every table as it was (and the task open, claimed and with its
 * variables unchanged); the only answer that may be a success is hostile text in a free-text
 * field the form allows, which must then be stored verbatim ("stored inert":
 * {@code browser/StoredScriptBrowserTest} shows it never runs). No 5xx, no incident.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

  static final int ONE_MB = 1024 * 1024;
  /** What a browser, a template or a database could take for code, as staff might paste it. */
  static final List<String> INJECTIONS = List.of("<script>window.__xss=1</script>",
      "<img src=x onerror=\"window.__xss=1\">", "\"><svg onload=window.__xss=1>", "javascript:window.__xss=1",
      "{{constructor.constructor('window.__xss=1')()}}", "${execution.setVariable('handlingTeam','ordinary-team-1')}",
      "#{7*7}", "'; DROP TABLE case_file; --", "' OR '1'='1", "1; UPDATE ACT_RU_TASK SET ASSIGNEE_ = 'x'",
      "<iframe src=\"javascript:alert(1)\"></iframe>", "<b onmouseover=alert(1)>粗体</b>", "</textarea><script>alert(1)</script>");
  /** Not a case number (（2026）豫0105执1234号) though close to one, or plainly hostile. */
  static final List<String> BAD_CASE_NUMBERS = List.of("2026执1号", "(2026)豫0105执1号", "（2026）豫0105执号",
      "（26）豫0105执1号", "（2026）豫0105执1234567号", "（２０２６）豫0105执1号", "（2026）豫0105民初1号",
      "（2026）豫0105执1号 ", "（2026）豫0105执1号\n", "<script>window.__xss=1</script>", "' OR '1'='1", "%00", " ", "null");
  /**
   * Not a NUL (%00) nor an encoded slash in a path: Tomcat refuses those itself, with its own HTML
   * 400, before the application sees them (open: a Chinese body needs Tomcat's error report valve).
   */
  private static final List<String> UNKNOWN_IDS = List.of("no-such-task", "0", "-1", "' OR '1'='1", "<script>x</script>",
      "${7*7}", "%2500", "x".repeat(300), "😀", "ACT_RU_TASK");
  private static final List<String> NOT_OBJECTS = List.of("[]", "[{\"variables\": {}}]", "42", "-1e999", "\"variables\"",
      "null", "true", "{\"variables\": [1, 2]}", "{\"variables\": \"x\"}", "{\"variables\": 5}", "{\"variables\": null, ",
      "{\"variables\": {", "{'variables': {}}", "{\"variables\": {}}}", "\u00ef\u00bb\u00bf{", "<xml/>");

  enum Category { MISSING, EXTRA, WRONG_TYPE, UNKNOWN_ID, ONE_MB_STRING, SCRIPT_SQL_HTML, CASE_NUMBER, NOT_AN_OBJECT }

  enum Surface { REST, WEBAPP, API }

  /** When a success is the right answer too. */
  enum Accepted {
    NEVER,
    /** Hostile text in a free-text field the form allows: stored verbatim. */
    STORED_INERT,
    /** A value sent for a readonly field: dropped, the stored one kept. */
    READONLY_IGNORED,
    /** A read with parameters it does not have: they are ignored, nothing is written. */
    EXTRA_PARAMETER_IGNORED
  }

  private static final String REST = "/engine-rest";
  private static final String WEBAPP = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired DataSource dataSource;
  @Autowired ApplicationContext context;

  private FormCases cases;
  private final List<Target> targets = new ArrayList<>();
  private final Map<String, StaffClient> clients = new HashMap<>();
  private final Map<Category, Map<String, Integer>> tally = new EnumMap<>(Category.class);
  private final Map<Surface, Integer> surfaces = new EnumMap<>(Surface.class);
  private final List<String> touchedInstances = new ArrayList<>();
  private List<String> tables;

  /** One place a form is used, brought there: a start form ready to start, or a task open and claimed. */
  private final class Target {
    final FormUse use;
    final FormExample example;
    final FormExample.Use how;
    final FormSchema form;
    String caseNumber;
    String user;
    String instance;
    Task task;
    Map<String, Object> valid;

    Target(FormUse use) {
      this.use = use;
      this.example = FormExample.of(use.formId());
      this.how = example.use(use);
      this.form = FormSubmissions.schema(use.formId());
    }

    Target ready() {
      if (valid != null) {
        return this;
      }
      caseNumber = FormCases.newCaseNumber();
      if (use.start()) {
        user = cases.prepareStart(use, how, caseNumber);
      } else {
        FormCases.Reached reached = cases.reachTask(use, how, caseNumber);
        instance = reached.processInstanceId();
        user = reached.user();
        tasks.claim(reached.task().getId(), user);
        task = tasks.createTaskQuery().taskId(reached.task().getId()).singleResult();
        touchedInstances.add(instance);
      }
      valid = new LinkedHashMap<>(Step.withRespondents(example.valid(how, caseNumber), cases.respondentOptions(caseNumber)));
      return this;
    }

    List<FormSchema.Field> editable() {
      return form.fields().values().stream().filter(field -> !field.shown()).toList();
    }
  }

  /** A generated request, what it may do, and how to tell it stored hostile text verbatim. */
  private record Probe(Category category, Surface surface, String user, String method, String path, String body,
      Target target, String field, String injected, Accepted accepted) {

    @Override
    public String toString() {
      String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + " chars)" : body;
      return category + " " + surface + " " + user + " " + method + " " + abbreviate(path) + " " + shown;
    }
  }

  @BeforeAll
  void prepare() throws SQLException {
    cases = new FormCases(context);
    FormUse.deployed(repository).forEach(use -> targets.add(new Target(use)));
    tables = tables();
  }

  @Test
  void aThousandHostileRequestsAreRefusedInChineseOrStoredInert() throws SQLException {
    long seed = Long.getLong("hostile.seed", new Random().nextLong());
    int requests = Integer.getInteger("hostile.requests", 1000);
    System.out.println("HostileInputTest seed " + seed + " (replay: -Dhostile.seed=" + seed + ")");
    Random random = new Random(seed);
    for (int i = 0; i < requests; i++) {
      Probe probe = generate(random, i);
      try {
        send(probe);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("request " + i + " of seed " + seed + ": " + probe + "\n" + e.getMessage(), e);
      }
    }
    touchedInstances.forEach(cases::runJobs);
    assertThat(runtime.createIncidentQuery().count()).as("incidents").isZero();
    printTally(seed, requests);
    int total = tally.values().stream().flatMap(outcomes -> outcomes.values().stream()).mapToInt(Integer::intValue).sum();
    assertThat(total).isEqualTo(requests);
    assertThat(tally.keySet()).containsExactlyInAnyOrder(Category.values());
    assertThat(surfaces.keySet()).containsExactlyInAnyOrder(Surface.values());
  }

  /** What the generator found, each fixed where such rules live: kept as plain cases. */
  @Test
  void theHolesTheGeneratorFoundStayClosed() {
    // An unknown instance's variables: the engine's NullValueException was a 500.
    assertRefused(StaffClient.rest(port, "lilinxia", "demo").get(REST + "/process-instance/-1/variables"), 404);
    // A required parameter of our own API missing: Spring's English error body.
    assertThat(assertRefused(StaffClient.rest(port, "juzhang", "demo").get("/api/dossier/catalogue"), 400))
        .contains("caseNumber");
    // A start with a business key that is no case number was accepted.
    Target petition = targets.stream().filter(t -> t.use.start() && t.use.process().getKey().equals("petition"))
        .findFirst().orElseThrow().ready();
    String key = "（2026）豫0105执1号\n";
    assertThat(assertRefused(StaffClient.rest(port, petition.user, "demo").post(REST + "/process-definition/key/petition/start",
        json(Map.of("businessKey", key, "variables", typed(petition.valid)))), 400)).contains("业务标识应为案号");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    // A respondent picked by a label, not a party id, made the deduction's listener throw (500);
    // the example deducts money.
    Target item = targets.stream().filter(t -> t.use.activityId().equals("Task_RecordPropertyItem")).findFirst()
        .orElseThrow().ready();
    Map<String, Object> values = new LinkedHashMap<>(item.valid);
    values.put("respondentPartyId", "郑州某贸易有限公司");
    assertThat(assertRefused(StaffClient.rest(port, item.user, "demo").post(REST + "/task/" + item.task.getId() + "/complete",
        FormSubmissions.variables(values)), 400)).contains("财产所属被执行人");
    assertThat(tasks.createTaskQuery().taskId(item.task.getId()).count()).isOne();
  }

  // --- generation --------------------------------------------------------------------------

  private Probe generate(Random random, int index) {
    Category category = Category.values()[random.nextInt(Category.values().length)];
    Target target = targets.get(random.nextInt(targets.size())).ready();
    Surface surface = random.nextInt(5) == 0 ? Surface.API : random.nextBoolean() ? Surface.REST : Surface.WEBAPP;
    if (surface == Surface.API) {
      return api(category, random, target);
    }
    String prefix = surface == Surface.REST ? REST : WEBAPP;
    Map<String, Object> variables = new LinkedHashMap<>(typed(target.valid));
    List<FormSchema.Field> editable = target.editable();
    FormSchema.Field field = editable.isEmpty() ? null : pick(random, editable);
    return switch (category) {
      case MISSING -> {
        // Required and not already stored in the case (a stored value fills the field, as the form shows it).
        List<FormSchema.Field> required = editable.stream().filter(f -> f.rules().required() && f.rules().hide() == null
            && target.valid.containsKey(f.key()) && (target.use.start() || tasks.getVariable(target.task.getId(), f.key()) == null))
            .toList();
        if (required.isEmpty()) {
          yield target.use.start() ? form(category, surface, target, "{\"variables\": {}}")
              : probe(category, surface, target, "POST", prefix + "/task/" + target.task.getId() + "/claim", "{}");
        }
        variables.remove(pick(random, required).key());
        yield form(category, surface, target, variables);
      }
      case EXTRA -> {
        String name = pick(random, List.of("handlingTeam", "caseNumber", "assignee", "__proto__", "constructor",
            "x".repeat(300), "<script>", "'; DROP TABLE case_file; --", "allocationSeed", "filingDate", "supervised"));
        if (target.use.start() || target.form.fields().containsKey(name) || random.nextBoolean()) {
          variables.put(target.form.fields().containsKey(name) ? name + "Extra" : name, Map.of("value", "ordinary-team-1"));
          yield form(category, surface, target, variables);
        }
        // Around the form: the variables endpoints of the task and of its instance.
        String task = prefix + "/task/" + target.task.getId();
        String one = "{\"value\": \"ordinary-team-1\", \"type\": \"String\"}";
        String modifications = json(Map.of("modifications", Map.of(name, Map.of("value", "ordinary-team-1"))));
        yield switch (random.nextInt(5)) {
          case 0 -> probe(category, surface, target, "PUT", task + "/variables/" + encode(name), one);
          case 1 -> probe(category, surface, target, "POST", task + "/variables", modifications);
          case 2 -> probe(category, surface, target, "PUT", task + "/localVariables/" + encode(name), one);
          case 3 -> probe(category, surface, target, "POST", prefix + "/process-instance/" + target.instance + "/variables",
              modifications);
          default -> probe(category, surface, target, "DELETE", prefix + "/process-instance/" + target.instance
              + "/variables/caseNumber", null);
        };
      }
      case WRONG_TYPE -> {
        if (field == null) {
          yield form(category, surface, target, "{\"variables\": {\"anything\": {\"value\": [1, 2]}}}");
        }
        List<Object> wrong = new ArrayList<>(FuzzedFormsTest.wrongValues(field));
        wrong.add(Map.of("type", "File", "value", "QUJD", "valueInfo", Map.of("filename", "a.exe")));
        wrong.add(Map.of("type", "Object", "value", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==", "valueInfo",
            Map.of("objectTypeName", "java.util.HashMap", "serializationDataFormat", "application/x-java-serialized-object")));
        wrong.add(Map.of("type", "Bytes", "value", "QUJD"));
        wrong.add(Map.of("value", Map.of("nested", 1)));
        wrong.add(Map.of("value", List.of(1, 2)));
        wrong.add(Map.of("type", "NoSuchType", "value", "x"));
        variables.put(field.key(), pick(random, wrong));
        yield form(category, surface, target, variables);
      }
      case UNKNOWN_ID -> {
        String id = random.nextBoolean() ? UUID.randomUUID().toString() : encode(pick(random, UNKNOWN_IDS));
        String body = json(Map.of("variables", variables));
        yield switch (random.nextInt(7)) {
          case 0 -> probe(category, surface, target, "POST", prefix + "/task/" + id + "/submit-form", body);
          case 1 -> probe(category, surface, target, "POST", prefix + "/task/" + id + "/complete", body);
          case 2 -> probe(category, surface, target, "POST", prefix + "/task/" + id + "/claim",
              json(Map.of("userId", target.user)));
          case 3 -> probe(category, surface, target, "POST", prefix + "/process-definition/" + id + "/submit-form", body);
          case 4 -> probe(category, surface, target, "POST", prefix + "/process-definition/key/" + id + "/start", body);
          case 5 -> probe(category, surface, target, "GET", prefix + "/task/" + id + "/form-variables", null);
          default -> probe(category, surface, target, "GET", prefix + "/process-instance/" + id + "/variables", null);
        };
      }
      case ONE_MB_STRING -> {
        // Over the body limit (413), or just under it, then over every field's maxLength (400).
        String huge = random.nextBoolean() ? "字".repeat(ONE_MB) : "x".repeat(ONE_MB - 1000);
        yield switch (random.nextInt(4)) {
          case 0 -> {
            variables.put(field != null ? field.key() : "anything", Map.of("value", huge));
            yield form(category, surface, target, variables);
          }
          case 1 -> {
            variables.put(huge, Map.of("value", "x"));
            yield form(category, surface, target, variables);
          }
          case 2 -> target.use.start()
              ? form(category, surface, target, json(Map.of("businessKey", huge, "variables", variables)))
              : probe(category, surface, target, "POST", prefix + "/task/" + target.task.getId() + "/claim",
                  json(Map.of("userId", huge)));
          default -> {
            variables.put(field != null ? field.key() : "anything", Map.of("type", "Json", "value", "[\"" + huge + "\"]"));
            yield form(category, surface, target, variables);
          }
        };
      }
      case SCRIPT_SQL_HTML -> {
        String injected = "第" + index + "条" + pick(random, INJECTIONS);
        List<FormSchema.Field> text = editable.stream().filter(f -> f.kind() == FormSchema.Kind.TEXT
            || f.kind() == FormSchema.Kind.OBJECT).toList();
        if (text.isEmpty()) {
          variables.put(injected, Map.of("value", injected));
          yield form(category, surface, target, variables);
        }
        FormSchema.Field into = pick(random, text);
        if (into.kind() == FormSchema.Kind.OBJECT && target.valid.get(into.key()) instanceof Map<?, ?> group) {
          // A party's name, or whatever the group's first text is.
          Map<String, Object> changed = new LinkedHashMap<>();
          group.forEach((key, value) -> changed.put(String.valueOf(key), value));
          String key = changed.containsKey("name") ? "name"
              : changed.keySet().stream().filter(k -> changed.get(k) instanceof String).findFirst().orElse("name");
          changed.put(key, injected);
          variables.put(into.key(), Map.of("type", "Json", "value", json(changed)));
          yield new Probe(category, surface, target.user, "POST", formPath(prefix, target, random),
              json(Map.of("variables", variables)), target, null, injected, Accepted.STORED_INERT);
        }
        variables.put(into.key(), Map.of("value", injected));
        yield new Probe(category, surface, target.user, "POST", formPath(prefix, target, random),
            json(Map.of("variables", variables)), target, into.kind() == FormSchema.Kind.TEXT ? into.key() : null, injected, Accepted.STORED_INERT);
      }
      case CASE_NUMBER -> {
        String bad = pick(random, BAD_CASE_NUMBERS);
        if (target.use.start() && target.form.fields().containsKey("caseNumber") && random.nextBoolean()) {
          variables.put("caseNumber", Map.of("value", bad));
          yield form(category, surface, target, variables);
        }
        if (target.use.start()) {
          yield form(category, surface, target, json(Map.of("businessKey", bad, "variables", variables)));
        }
        // A task's own case number cannot be rewritten through its form: not a field of it (refused), or
        // shown readonly, and then what is sent for it is dropped.
        variables.put("caseNumber", Map.of("value", bad));
        FormSchema.Field shown = target.form.fields().get("caseNumber");
        yield new Probe(category, surface, target.user, "POST", formPath(prefix, target, random),
            json(Map.of("variables", variables)), target, null, null, shown != null && shown.shown() ? Accepted.READONLY_IGNORED : Accepted.NEVER);
      }
      case NOT_AN_OBJECT -> {
        String valid = json(Map.of("variables", variables));
        String body = random.nextInt(3) == 0 ? valid.substring(0, 1 + random.nextInt(valid.length() - 2))
            : random.nextInt(4) == 0 && field != null ? json(Map.of("variables", Map.of(field.key(),
                pick(random, List.of(5, "x", List.of("a"), true))))) : pick(random, NOT_OBJECTS);
        yield !target.use.start() && random.nextInt(4) == 0
            ? probe(category, surface, target, "POST", prefix + "/task/" + target.task.getId() + "/claim", body)
            : form(category, surface, target, body);
      }
    };
  }

  /** The application's own REST API, with the hostile values of the category in its parameters and bodies. */
  private Probe api(Category category, Random random, Target target) {
    String caseNumber = target.caseNumber;
    String value = switch (category) {
      case MISSING -> null;
      case UNKNOWN_ID -> FormCases.newCaseNumber();
      case ONE_MB_STRING -> "x".repeat(ONE_MB);
      case SCRIPT_SQL_HTML -> pick(random, INJECTIONS);
      case CASE_NUMBER -> pick(random, BAD_CASE_NUMBERS);
      default -> pick(random, List.of("abc", "-1", "1.5", "[]", "{}", "true", "99999999999999999999"));
    };
    String user = pick(random, List.of("juzhang", "wanghui", target.user));
    // 1 MB goes in a body: a URL has no room for it.
    if (category == Category.NOT_AN_OBJECT || category == Category.ONE_MB_STRING || random.nextInt(6) == 0) {
      // The public disclosure query, the one JSON body of the API, as anyone on the internet may send it.
      String body = category == Category.NOT_AN_OBJECT ? pick(random, NOT_OBJECTS)
          : category == Category.MISSING ? pick(random, List.of("{}", "{\"caseNumber\": \"" + caseNumber + "\"}"))
          : category == Category.EXTRA ? json(Map.of("caseNumber", caseNumber, "queryCode", "ABCD2345", "admin", true))
          : json(Map.of("caseNumber", category == Category.WRONG_TYPE ? caseNumber : value,
              "queryCode", category == Category.WRONG_TYPE ? List.of(1) : "ABCD2345"));
      return new Probe(category, Surface.API, null, "POST", "/public/api/disclosure", body, null, null, null, Accepted.NEVER);
    }
    String number = category == Category.EXTRA ? caseNumber : value;
    String param = number == null ? "" : "caseNumber=" + encode(number);
    String extra = category == Category.EXTRA ? "&admin=true&" + encode("<script>") + "=1" : "";
    // Missing and extra parameters go to the reads of a case (the others have defaults).
    String path = switch (category == Category.EXTRA || category == Category.MISSING ? random.nextInt(6) : random.nextInt(12)) {
      case 0 -> "/api/case-page?" + param + extra;
      case 1 -> "/api/dossier/catalogue?" + param + extra;
      case 2 -> "/api/dossier/key-nodes?" + param + extra;
      case 3 -> "/api/circulation/cases?" + param + extra;
      case 4 -> "/api/petitions?" + param + extra;
      case 5 -> "/api/disclosure/acceptance-notice?" + param + extra;
      case 6 -> "/api/supervision/overdue-weeks?weeks=" + encode(value == null ? "" : value) + extra;
      case 7 -> "/api/supervision/closures?months=" + encode(value == null ? "" : value) + extra;
      case 8 -> "/api/reports/overdue-nodes?from=" + encode(value == null ? "" : value) + "&to=" + encode(value == null ? "" : value);
      case 9 -> "/api/notifications/" + encode(value == null ? " " : value) + "/read";
      case 10 -> "/api/security/login-failures?limit=" + encode(value == null ? "" : value);
      default -> "/api/circulation/units/" + encode(value == null ? " " : value) + "?from=" + encode(value == null ? "" : value);
    };
    return new Probe(category, Surface.API, user, path.contains("/read") ? "POST" : "GET", path, path.contains("/read") ? "" : null,
        null, null, null, category == Category.EXTRA && !path.contains("/read") ? Accepted.EXTRA_PARAMETER_IGNORED : Accepted.NEVER);
  }

  private Probe form(Category category, Surface surface, Target target, Map<String, Object> variables) {
    return form(category, surface, target, json(Map.of("variables", variables)));
  }

  private Probe form(Category category, Surface surface, Target target, String body) {
    return probe(category, surface, target, "POST", formPath(surface == Surface.REST ? REST : WEBAPP, target,
        new Random(body.length())), body);
  }

  private static Probe probe(Category category, Surface surface, Target target, String method, String path, String body) {
    return new Probe(category, surface, target.user, method, path, body, target, null, null, Accepted.NEVER);
  }

  private static String formPath(String prefix, Target target, Random random) {
    return target.use.start()
        ? prefix + "/process-definition/key/" + target.use.process().getKey() + (random.nextBoolean() ? "/start" : "/submit-form")
        : prefix + "/task/" + target.task.getId() + (random.nextBoolean() ? "/submit-form" : "/complete");
  }

  // --- sending and checking ----------------------------------------------------------------

  private void send(Probe probe) throws SQLException {
    Map<String, Long> rows = rowCounts();
    Map<String, String> variables = probe.target() == null || probe.target().use.start() ? Map.of() : variables(probe.target());
    HttpResponse<String> answer = client(probe).send(probe.method(), probe.path(), probe.body());
    surfaces.merge(probe.surface(), 1, Integer::sum);
    assertThat(answer.statusCode()).as("never a server error: %s", answer.body()).isLessThan(500);
    if (answer.statusCode() >= 300) {
      assertRefused(answer, IntStream.range(400, 500).toArray());
      assertThat(rowCounts()).as("rows after a refusal").isEqualTo(rows);
      if (probe.target() != null && !probe.target().use.start()) {
        Task task = tasks.createTaskQuery().taskId(probe.target().task.getId()).singleResult();
        assertThat(task).as("the task still open").isNotNull();
        assertThat(task.getAssignee()).isEqualTo(probe.target().task.getAssignee());
        assertThat(task.getDueDate()).isEqualTo(probe.target().task.getDueDate());
        assertThat(variables(probe.target())).as("variables after a refusal").isEqualTo(variables);
      }
      count(probe.category(), "refused " + answer.statusCode());
      return;
    }
    Target target = probe.target();
    assertThat(probe.accepted()).as("accepted, answered %s: %s", answer.statusCode(), abbreviate(answer.body()))
        .isNotEqualTo(Accepted.NEVER);
    if (probe.accepted() == Accepted.EXTRA_PARAMETER_IGNORED) {
      assertThat(rowCounts()).as("rows after a read").isEqualTo(rows);
      count(probe.category(), "read, extra parameter ignored");
      return;
    }
    if (probe.accepted() == Accepted.READONLY_IGNORED) {
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(target.instance).variableName("caseNumber")
          .singleResult().getValue()).as("the case number, sent for a readonly field").isEqualTo(target.caseNumber);
      done(probe, "readonly field ignored");
      return;
    }
    if (probe.field() != null) {
      assertThat(history.createHistoricVariableInstanceQuery().variableValueEquals(probe.field(), probe.injected()).count() > 0
          || storedInOwnTables(probe.injected())).as("«%s» of %s stored verbatim", probe.injected(), probe.field()).isTrue();
    }
    done(probe, "stored inert");
  }

  /** An accepted submission: its instance moves on without an incident, the target is brought there anew. */
  private void done(Probe probe, String outcome) {
    Target target = probe.target();
    if (target.use.start()) {
      runtime.createProcessInstanceQuery().processDefinitionKey(target.use.process().getKey()).list()
          .forEach(instance -> touchedInstances.add(instance.getId()));
    } else {
      cases.runJobs(target.instance);
      assertThat(cases.tree(target.instance)).allSatisfy(id ->
          assertThat(runtime.createIncidentQuery().processInstanceId(id).count()).as("incidents").isZero());
    }
    target.valid = null;
    count(probe.category(), outcome);
  }

  private StaffClient client(Probe probe) {
    String key = probe.surface() + " " + probe.user();
    return clients.computeIfAbsent(key, ignored -> {
      if (probe.user() == null) {
        return StaffClient.rest(port, null, null);
      }
      if (probe.surface() == Surface.WEBAPP) {
        StaffClient webapp = StaffClient.webapp(port, "tasklist", probe.user(), "demo");
        assertThat(webapp.loginStatus).as("Tasklist login of %s", probe.user()).isEqualTo(200);
        return webapp;
      }
      return StaffClient.rest(port, probe.user(), "demo");
    });
  }

  /** Every variable of the task's instances (task-local ones included), by scope and name. */
  private Map<String, String> variables(Target target) {
    Map<String, String> values = new TreeMap<>();
    for (VariableInstance variable : runtime.createVariableInstanceQuery()
        .processInstanceIdIn(cases.tree(target.instance).toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
      values.put(variable.getExecutionId() + "/" + variable.getTaskId() + "/" + variable.getName(),
          variable.getTypeName() + ":" + variable.getValue());
    }
    return values;
  }

  /**
   * The number of rows of every table, which a refused request must leave as they were. Not the
   * engine's metrics and id blocks, which it writes by itself.
   */
  private Map<String, Long> rowCounts() throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
      for (String table : tables) {
        try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
          count.next();
          counts.put(table, count.getLong(1));
        }
      }
    }
    return counts;
  }

  /** Whether a text column of the application's own tables (a form field recorded in the registry) holds {@code text}. */
  private boolean storedInOwnTables(String text) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      for (String table : tables) {
        if (table.toUpperCase().startsWith("ACT_")) {
          continue;
        }
        try (ResultSet columns = connection.getMetaData().getColumns(null, connection.getSchema(), table, "%")) {
          while (columns.next()) {
            if (!List.of(java.sql.Types.VARCHAR, java.sql.Types.CLOB, java.sql.Types.LONGVARCHAR).contains(columns.getInt("DATA_TYPE"))) {
              continue;
            }
            try (var query = connection.prepareStatement("SELECT COUNT(*) FROM \"" + table + "\" WHERE \""
                + columns.getString("COLUMN_NAME") + "\" = ?")) {
              query.setString(1, text);
              try (ResultSet found = query.executeQuery()) {
                found.next();
                if (found.getLong(1) > 0) {
                  return true;
                }
              }
            }
          }
        }
      }
    }
    return false;
  }

  private List<String> tables() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        ResultSet found = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (found.next()) {
        names.add(found.getString("TABLE_NAME"));
      }
    }
    names.removeIf(name -> List.of("ACT_RU_METER_LOG", "ACT_RU_TASK_METER_LOG", "ACT_GE_PROPERTY").contains(name.toUpperCase()));
    assertThat(names).as("tables").anyMatch("case_file"::equalsIgnoreCase);
    return names;
  }

  private void count(Category category, String outcome) {
    tally.computeIfAbsent(category, ignored -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
  }

  private void printTally(long seed, int requests) {
    StringBuilder table = new StringBuilder("HostileInputTest: " + requests + " requests, seed " + seed + "\n");
    table.append(String.format("%-16s %6s  %s%n", "category", "count", "outcomes"));
    tally.forEach((category, outcomes) -> table.append(String.format("%-16s %6d  %s%n", category,
        outcomes.values().stream().mapToInt(Integer::intValue).sum(), outcomes)));
    table.append("by surface: ").append(surfaces);
    System.out.println(table);
  }

  private static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
