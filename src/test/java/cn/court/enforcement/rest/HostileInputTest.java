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
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A thousand generated hostile requests (issue 18 §4) from a fixed seed, so that every run sends
 * the same kinds to the same places and a failure names the request to replay
 * ({@code -Dhostile.seed=…}, {@code -Dhostile.requests=…}): missing, extra and wrong-typed
 * variables, unknown ids (also an encoded slash or NUL that Tomcat refuses itself), 1 MB strings,
 * script, SQL and HTML in every free-text field of a form, malformed case numbers and business
 * keys, and JSON that is not an object. They go to the start and task forms of every deployed
 * process through {@code /engine-rest} (HTTP Basic as the member of staff who acts there), through
 * the webapps' engine API as Tasklist sends them (session cookie and XSRF token), and to the
 * application's own {@code /api}.
 *
 * <p>A refusal is a 4xx with a Chinese message and no engine text, and leaves every table as it
 * was (the task open, claimed, with its variables unchanged; a refused filing no case and no
 * instance). A success is right only where the input is legitimate: hostile text in free-text
 * fields, stored exactly as sent (inert: {@code browser/StoredScriptBrowserTest} shows it never
 * runs); a value sent for a readonly field, dropped; a read given parameters it does not have, or
 * a blank optional parameter, which means "not given". Afterwards no incident and no failed job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

  static final long SEED = 20261203L;
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
      "（2026）豫0105执1号\n", "<script>window.__xss=1</script>", "' OR '1'='1", "%00", "null", "-1");
  /** Ids no task or definition has; the last two Tomcat refuses before the application sees them. */
  private static final List<String> UNKNOWN_IDS = List.of("no-such-task", "0", "-1", "' OR '1'='1", "<script>x</script>",
      "${7*7}", "%2500", "x".repeat(300), "😀", "ACT_RU_TASK");
  private static final List<String> RAW_BAD_IDS = List.of("a%2Fb", "a%00b", "%2F..%2F..", "%00");
  private static final List<String> NOT_OBJECTS = List.of("[]", "[{\"variables\": {}}]", "42", "-1e999", "\"variables\"",
      "null", "true", "{\"variables\": [1, 2]}", "{\"variables\": \"x\"}", "{\"variables\": 5}", "{\"variables\": null, ",
      "{\"variables\": {", "{'variables': {}}", "{\"variables\": {}}}", "\u00ef\u00bb\u00bf{", "<xml/>");

  enum Kind { MISSING, EXTRA, WRONG_TYPE, UNKNOWN_ID, ONE_MB_STRING, SCRIPT_SQL_HTML, CASE_NUMBER, NOT_AN_OBJECT }

  enum Surface { REST, WEBAPP, API }

  /** When a success is the right answer too. */
  enum Accepted {
    NEVER,
    /** Hostile text in free-text fields the form allows: stored exactly as sent. */
    STORED_INERT,
    /** A value sent for a readonly field: dropped, the stored one kept. */
    READONLY_IGNORED,
    /** A read with parameters it does not have, or a blank optional one: not given, nothing written. */
    READ_NOT_GIVEN
  }

  private static final String REST = "/engine-rest";
  private static final String WEBAPP = "/camunda/api/engine/engine/default";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  private FormCases cases;
  private final List<Target> targets = new ArrayList<>();
  private final Map<String, StaffClient> clients = new HashMap<>();
  private final Map<Kind, Map<String, Integer>> tally = new EnumMap<>(Kind.class);
  private final Map<Surface, Integer> surfaces = new EnumMap<>(Surface.class);
  private final Set<String> touchedInstances = new LinkedHashSet<>();
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

  /** A generated request, what success may mean for it, and the hostile texts it puts in which fields. */
  private record Probe(Kind kind, Surface surface, String user, String method, String path, String body,
      Target target, Map<String, String> injected, Accepted accepted, String quoted) {

    Probe(Kind kind, Surface surface, String user, String method, String path, String body, Target target,
        Map<String, String> injected, Accepted accepted) {
      this(kind, surface, user, method, path, body, target, injected, accepted, null);
    }

    /** The same request; its refusal may quote {@code text}, what it sent. */
    Probe quoting(String text) {
      return new Probe(kind, surface, user, method, path, body, target, injected, accepted, text);
    }

    @Override
    public String toString() {
      String shown = body == null ? "" : abbreviate(body);
      return kind + " " + surface + " " + user + " " + method + " " + abbreviate(path) + " " + shown;
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
    long seed = Long.getLong("hostile.seed", SEED);
    int requests = Integer.getInteger("hostile.requests", 1000);
    Random random = new Random(seed);
    for (int i = 0; i < requests; i++) {
      Probe probe = generate(random, i);
      try {
        send(probe);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("request " + i + " of seed " + seed + ": " + probe + "\n" + e.getMessage(), e);
      }
    }
    printTally(seed, requests);
    // This test's instances only: other classes sharing the application context may leave their own.
    for (String instance : touchedInstances) {
      cases.runJobs(instance);
      for (String id : cases.tree(instance)) {
        assertThat(runtime.createIncidentQuery().processInstanceId(id).count()).as("incidents of %s", id).isZero();
        assertThat(management.createJobQuery().processInstanceId(id).withException().count()).as("failed jobs of %s", id).isZero();
      }
    }
    int total = tally.values().stream().flatMap(outcomes -> outcomes.values().stream()).mapToInt(Integer::intValue).sum();
    assertThat(total).isEqualTo(requests);
    if (requests >= 1000) {
      assertThat(tally.keySet()).containsExactlyInAnyOrder(Kind.values());
      assertThat(surfaces.keySet()).containsExactlyInAnyOrder(Surface.values());
      assertThat(tally.get(Kind.SCRIPT_SQL_HTML)).as("hostile text stored inert somewhere").containsKey("stored inert");
    }
  }

  // --- generation --------------------------------------------------------------------------

  private Probe generate(Random random, int index) {
    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
    Target target = targets.get(random.nextInt(targets.size())).ready();
    Surface surface = random.nextInt(5) == 0 ? Surface.API : random.nextBoolean() ? Surface.REST : Surface.WEBAPP;
    if (surface == Surface.API) {
      return api(kind, random, target);
    }
    String prefix = surface == Surface.REST ? REST : WEBAPP;
    Map<String, Object> variables = new LinkedHashMap<>(typed(target.valid));
    List<FormSchema.Field> editable = target.editable();
    FormSchema.Field field = editable.isEmpty() ? null : pick(random, editable);
    return switch (kind) {
      case MISSING -> {
        // Required and not already stored in the case (a stored value fills the field, as the form shows it).
        List<FormSchema.Field> required = editable.stream().filter(f -> f.rules().required() && f.rules().hide() == null
            && target.valid.containsKey(f.key()) && (target.use.start() || tasks.getVariable(target.task.getId(), f.key()) == null))
            .toList();
        if (required.isEmpty()) {
          yield target.use.start() ? form(kind, surface, target, "{\"variables\": {}}")
              : probe(kind, surface, target, "POST", prefix + "/task/" + target.task.getId() + "/claim", "{}");
        }
        variables.remove(pick(random, required).key());
        yield form(kind, surface, target, variables);
      }
      case EXTRA -> {
        String name = pick(random, List.of("handlingTeam", "caseNumber", "assignee", "__proto__", "constructor",
            "x".repeat(300), "<script>", "'; DROP TABLE case_file; --", "allocationSeed", "filingDate", "supervised"));
        if (target.use.start() || target.form.fields().containsKey(name) || random.nextBoolean()) {
          variables.put(target.form.fields().containsKey(name) ? name + "Extra" : name, Map.of("value", "ordinary-team-1"));
          yield form(kind, surface, target, variables);
        }
        // Around the form: the variables endpoints of the task and of its instance.
        String task = prefix + "/task/" + target.task.getId();
        String one = "{\"value\": \"ordinary-team-1\", \"type\": \"String\"}";
        String modifications = json(Map.of("modifications", Map.of(name, Map.of("value", "ordinary-team-1"))));
        yield switch (random.nextInt(5)) {
          case 0 -> probe(kind, surface, target, "PUT", task + "/variables/" + encode(name), one);
          case 1 -> probe(kind, surface, target, "POST", task + "/variables", modifications);
          case 2 -> probe(kind, surface, target, "PUT", task + "/localVariables/" + encode(name), one);
          case 3 -> probe(kind, surface, target, "POST", prefix + "/process-instance/" + target.instance + "/variables",
              modifications);
          default -> probe(kind, surface, target, "DELETE", prefix + "/process-instance/" + target.instance
              + "/variables/caseNumber", null);
        };
      }
      case WRONG_TYPE -> {
        if (field == null) {
          yield form(kind, surface, target, "{\"variables\": {\"anything\": {\"value\": [1, 2]}}}");
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
        yield form(kind, surface, target, variables);
      }
      case UNKNOWN_ID -> {
        String id = random.nextInt(5) == 0 ? pick(random, RAW_BAD_IDS)
            // From the seed too, so that a replay sends the same ids.
            : random.nextBoolean() ? new UUID(random.nextLong(), random.nextLong()).toString() : encode(pick(random, UNKNOWN_IDS));
        String body = json(Map.of("variables", variables));
        yield switch (random.nextInt(7)) {
          case 0 -> probe(kind, surface, target, "POST", prefix + "/task/" + id + "/submit-form", body);
          case 1 -> probe(kind, surface, target, "POST", prefix + "/task/" + id + "/complete", body);
          case 2 -> probe(kind, surface, target, "POST", prefix + "/task/" + id + "/claim",
              json(Map.of("userId", target.user)));
          case 3 -> probe(kind, surface, target, "POST", prefix + "/process-definition/" + id + "/submit-form", body);
          case 4 -> probe(kind, surface, target, "POST", prefix + "/process-definition/key/" + id + "/start", body);
          case 5 -> probe(kind, surface, target, "GET", prefix + "/task/" + id + "/form-variables", null);
          default -> probe(kind, surface, target, "GET", prefix + "/process-instance/" + id + "/variables", null);
        };
      }
      case ONE_MB_STRING -> {
        // Over the body limit (413), or just under it, then over every field's maxLength (400).
        String huge = random.nextBoolean() ? "字".repeat(ONE_MB) : "x".repeat(ONE_MB - 1000);
        yield switch (random.nextInt(4)) {
          case 0 -> {
            variables.put(field != null ? field.key() : "anything", Map.of("value", huge));
            yield form(kind, surface, target, variables);
          }
          case 1 -> {
            variables.put(huge, Map.of("value", "x"));
            yield form(kind, surface, target, variables);
          }
          case 2 -> target.use.start()
              ? form(kind, surface, target, json(Map.of("businessKey", huge, "variables", variables)))
              : probe(kind, surface, target, "POST", prefix + "/task/" + target.task.getId() + "/claim",
                  json(Map.of("userId", huge)));
          default -> {
            variables.put(field != null ? field.key() : "anything", Map.of("type", "Json", "value", "[\"" + huge + "\"]"));
            yield form(kind, surface, target, variables);
          }
        };
      }
      case SCRIPT_SQL_HTML -> injected(kind, surface, target, variables, random, index);
      case CASE_NUMBER -> {
        String bad = pick(random, BAD_CASE_NUMBERS);
        if (target.use.start() && target.form.fields().containsKey("caseNumber") && random.nextBoolean()) {
          variables.put("caseNumber", Map.of("value", bad));
          yield form(kind, surface, target, variables).quoting(bad);
        }
        if (target.use.start()) {
          yield form(kind, surface, target, json(Map.of("businessKey", bad, "variables", variables))).quoting(bad);
        }
        // A task's own case number cannot be rewritten through its form: not a field of it (refused), or
        // shown readonly, and then what is sent for it is dropped.
        variables.put("caseNumber", Map.of("value", bad));
        FormSchema.Field shown = target.form.fields().get("caseNumber");
        yield new Probe(kind, surface, target.user, "POST", formPath(prefix, target, random),
            json(Map.of("variables", variables)), target, Map.of(),
            shown != null && shown.shown() ? Accepted.READONLY_IGNORED : Accepted.NEVER).quoting(bad);
      }
      case NOT_AN_OBJECT -> {
        String valid = json(Map.of("variables", variables));
        String body = random.nextInt(3) == 0 ? valid.substring(0, 1 + random.nextInt(valid.length() - 2))
            : random.nextInt(4) == 0 && field != null ? json(Map.of("variables", Map.of(field.key(),
                pick(random, List.of(5, "x", List.of("a"), true))))) : pick(random, NOT_OBJECTS);
        yield !target.use.start() && random.nextInt(4) == 0
            ? probe(kind, surface, target, "POST", prefix + "/task/" + target.task.getId() + "/claim", body)
            : form(kind, surface, target, body);
      }
    };
  }

  /**
   * Script, SQL and HTML in every free-text field of the form at once (each its own text, so each
   * is found again where it is stored), and a party's name in its group; now and then also in a
   * text field with choices, a pattern or a date, which then refuses the whole submission.
   */
  private Probe injected(Kind kind, Surface surface, Target target, Map<String, Object> variables, Random random, int index) {
    Map<String, String> injected = new LinkedHashMap<>();
    for (FormSchema.Field field : target.editable()) {
      String text = "第" + index + "条" + field.key() + pick(random, INJECTIONS);
      if (field.kind() == FormSchema.Kind.TEXT && freeText(field)) {
        variables.put(field.key(), Map.of("value", text));
        injected.put(field.key(), text);
      } else if (field.kind() == FormSchema.Kind.OBJECT && target.valid.get(field.key()) instanceof Map<?, ?> group) {
        Map<String, Object> changed = new LinkedHashMap<>();
        group.forEach((key, value) -> changed.put(String.valueOf(key), value));
        String key = changed.containsKey("name") ? "name"
            : changed.keySet().stream().filter(k -> changed.get(k) instanceof String).findFirst().orElse(null);
        if (key != null) {
          changed.put(key, text);
          variables.put(field.key(), Map.of("type", "Json", "value", json(changed)));
          injected.put(field.key(), text);
        }
      }
    }
    List<FormSchema.Field> constrained = target.editable().stream()
        .filter(field -> field.kind() == FormSchema.Kind.TEXT && !freeText(field)).toList();
    if (injected.isEmpty() || !constrained.isEmpty() && random.nextInt(4) == 0) {
      String text = "第" + index + "条" + pick(random, INJECTIONS);
      String key = constrained.isEmpty() ? text : pick(random, constrained).key();
      variables.put(key, Map.of("value", text));
      return new Probe(kind, surface, target.user, "POST", formPath(surface == Surface.REST ? REST : WEBAPP, target, random),
          json(Map.of("variables", variables)), target, Map.of(), Accepted.NEVER).quoting(text);
    }
    return new Probe(kind, surface, target.user, "POST", formPath(surface == Surface.REST ? REST : WEBAPP, target, random),
        json(Map.of("variables", variables)), target, injected, Accepted.STORED_INERT);
  }

  private static boolean freeText(FormSchema.Field field) {
    return field.options() == null && field.rules().pattern() == null && !field.rules().date();
  }

  /** The application's own REST API, with the hostile values of the kind in its parameters and bodies. */
  private Probe api(Kind kind, Random random, Target target) {
    String caseNumber = target.caseNumber;
    String value = switch (kind) {
      case MISSING -> null;
      case UNKNOWN_ID -> FormCases.newCaseNumber();
      case ONE_MB_STRING -> "x".repeat(ONE_MB);
      case SCRIPT_SQL_HTML -> pick(random, INJECTIONS);
      case CASE_NUMBER -> pick(random, BAD_CASE_NUMBERS);
      default -> pick(random, List.of("abc", "-1", "1.5", "[]", "{}", "true", "99999999999999999999", " "));
    };
    String user = pick(random, List.of("juzhang", "wanghui", target.user));
    // 1 MB goes in a body: a URL has no room for it.
    if (kind == Kind.NOT_AN_OBJECT || kind == Kind.ONE_MB_STRING || random.nextInt(6) == 0) {
      // The public disclosure query, the one JSON body of the API, as anyone on the internet may send it.
      String body = kind == Kind.NOT_AN_OBJECT ? pick(random, NOT_OBJECTS)
          : kind == Kind.MISSING ? pick(random, List.of("{}", "{\"caseNumber\": \"" + caseNumber + "\"}"))
          : kind == Kind.EXTRA ? json(Map.of("caseNumber", caseNumber, "queryCode", "ABCD2345", "admin", true))
          : json(Map.of("caseNumber", kind == Kind.WRONG_TYPE ? caseNumber : value,
              "queryCode", kind == Kind.WRONG_TYPE ? List.of(1) : "ABCD2345"));
      return new Probe(kind, Surface.API, null, "POST", "/public/api/disclosure", body, null, Map.of(), Accepted.NEVER)
          .quoting(value);
    }
    if (kind == Kind.UNKNOWN_ID && random.nextInt(4) == 0) {
      String path = pick(random, List.of("/api/no-such-report", "/api/supervision/no-such-figure",
          "/api/reports/overdue-nodes/archive/" + encode(value) + ".csv", "/api/case-page/" + pick(random, RAW_BAD_IDS)));
      return new Probe(kind, Surface.API, user, "GET", path, null, null, Map.of(), Accepted.NEVER);
    }
    String number = kind == Kind.EXTRA ? caseNumber : value;
    String param = number == null ? "" : "caseNumber=" + encode(number);
    String extra = kind == Kind.EXTRA ? "&admin=true&" + encode("<script>") + "=1" : "";
    String given = value == null ? "" : encode(value);
    // Missing and extra parameters go to the reads of a case (the others have defaults).
    int endpoint = kind == Kind.EXTRA || kind == Kind.MISSING ? random.nextInt(6) : random.nextInt(12);
    String path = switch (endpoint) {
      case 0 -> "/api/case-page?" + param + extra;
      case 1 -> "/api/dossier/catalogue?" + param + extra;
      case 2 -> "/api/dossier/key-nodes?" + param + extra;
      case 3 -> "/api/circulation/cases?" + param + extra;
      case 4 -> "/api/petitions?" + param + extra;
      case 5 -> "/api/disclosure/acceptance-notice?" + param + extra;
      case 6 -> "/api/supervision/overdue-weeks?weeks=" + given;
      case 7 -> "/api/supervision/closures?months=" + given;
      case 8 -> "/api/reports/overdue-nodes?from=" + given + "&to=" + given;
      case 9 -> "/api/notifications/" + (value == null ? "%20" : given) + "/read";
      case 10 -> "/api/security/login-failures?limit=" + given;
      default -> "/api/circulation/units/" + (value == null ? "%20" : given) + "?from=" + given;
    };
    boolean post = endpoint == 9;
    // A blank optional parameter is one not given (as a browser sends an empty date field): its default.
    boolean notGiven = kind == Kind.EXTRA || endpoint >= 6 && endpoint != 9 && endpoint != 11 && value != null && value.isBlank();
    return new Probe(kind, Surface.API, user, post ? "POST" : "GET", path, post ? "" : null, null, Map.of(),
        notGiven ? Accepted.READ_NOT_GIVEN : Accepted.NEVER).quoting(value);
  }

  private Probe form(Kind kind, Surface surface, Target target, Map<String, Object> variables) {
    return form(kind, surface, target, json(Map.of("variables", variables)));
  }

  private Probe form(Kind kind, Surface surface, Target target, String body) {
    return probe(kind, surface, target, "POST", formPath(surface == Surface.REST ? REST : WEBAPP, target,
        new Random(body.length())), body);
  }

  private static Probe probe(Kind kind, Surface surface, Target target, String method, String path, String body) {
    return new Probe(kind, surface, target.user, method, path, body, target, Map.of(), Accepted.NEVER);
  }

  private static String formPath(String prefix, Target target, Random random) {
    return target.use.start()
        ? prefix + "/process-definition/key/" + target.use.process().getKey() + (random.nextBoolean() ? "/start" : "/submit-form")
        : prefix + "/task/" + target.task.getId() + (random.nextBoolean() ? "/submit-form" : "/complete");
  }

  // --- sending and checking ----------------------------------------------------------------

  private void send(Probe probe) throws SQLException {
    StaffClient client = client(probe);
    Target target = probe.target();
    boolean onTask = target != null && !target.use.start();
    Map<String, Long> rows = rowCounts();
    Map<String, String> variables = onTask ? variables(target) : Map.of();
    long filed = target != null && target.use.start() ? filed(target) : 0;
    HttpResponse<String> answer = switch (probe.method()) {
      case "GET" -> client.get(probe.path());
      case "PUT" -> client.put(probe.path(), probe.body());
      case "DELETE" -> client.delete(probe.path());
      default -> client.post(probe.path(), probe.body());
    };
    surfaces.merge(probe.surface(), 1, Integer::sum);
    assertThat(answer.statusCode()).as("never a server error: %s", answer.body()).isLessThan(500);
    if (answer.statusCode() >= 300) {
      assertRefused(answer, probe.quoted(), IntStream.range(400, 500).toArray());
      assertThat(rowCounts()).as("rows after a refusal").isEqualTo(rows);
      if (onTask) {
        Task task = tasks.createTaskQuery().taskId(target.task.getId()).singleResult();
        assertThat(task).as("the task still open").isNotNull();
        assertThat(task.getAssignee()).isEqualTo(target.task.getAssignee());
        assertThat(task.getDueDate()).isEqualTo(target.task.getDueDate());
        assertThat(variables(target)).as("variables after a refusal").isEqualTo(variables);
      } else if (target != null) {
        assertThat(filed(target)).as("instances and case rows of %s after a refused start", target.caseNumber)
            .isEqualTo(filed);
      }
      count(probe.kind(), "refused " + answer.statusCode());
      return;
    }
    assertThat(probe.accepted()).as("accepted, answered %s: %s", answer.statusCode(), abbreviate(answer.body()))
        .isNotEqualTo(Accepted.NEVER);
    switch (probe.accepted()) {
      case READ_NOT_GIVEN -> {
        assertThat(rowCounts()).as("rows after a read").isEqualTo(rows);
        count(probe.kind(), "read, not given");
      }
      case READONLY_IGNORED -> {
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(target.instance).variableName("caseNumber")
            .singleResult().getValue()).as("the case number, sent for a readonly field").isEqualTo(target.caseNumber);
        done(probe, answer, "readonly ignored");
      }
      default -> {
        for (Map.Entry<String, String> field : probe.injected().entrySet()) {
          assertThat(storedVerbatim(field.getKey(), field.getValue()))
              .as("«%s» of %s stored exactly as sent", field.getValue(), field.getKey()).isTrue();
        }
        done(probe, answer, "stored inert");
      }
    }
  }

  /** Instances of the start's process and registry rows with the target's case number. */
  private long filed(Target target) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(target.use.process().getKey())
        .processInstanceBusinessKey(target.caseNumber).count()
        + jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE case_number = ?", Long.class, target.caseNumber);
  }

  /** An accepted submission: its instance moves on without an incident, the target is brought there anew. */
  private void done(Probe probe, HttpResponse<String> answer, String outcome) {
    Target target = probe.target();
    if (target.use.start()) {
      String started = id(answer);
      assertThat(started).as("the started instance in %s", answer.body()).isNotEmpty();
      touchedInstances.add(started);
    } else {
      cases.runJobs(target.instance);
      assertThat(cases.tree(target.instance)).allSatisfy(id ->
          assertThat(runtime.createIncidentQuery().processInstanceId(id).count()).as("incidents").isZero());
    }
    target.valid = null;
    count(probe.kind(), outcome);
  }

  private static String id(HttpResponse<String> answer) {
    try {
      return JSON.readTree(answer.body()).path("id").asText("");
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + answer.body(), e);
    }
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
   * The text is stored exactly as sent: as the variable itself (a text field), as a text inside it
   * (a group's JSON), or in a text column of the application's own tables (a party's name).
   */
  private boolean storedVerbatim(String name, String text) throws SQLException {
    if (history.createHistoricVariableInstanceQuery().variableValueEquals(name, text).count() > 0) {
      return true;
    }
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().variableName(name).list()) {
      if (variable.getValue() != null && containsText(variable.getValue().toString(), text)) {
        return true;
      }
    }
    return storedInOwnTables(text);
  }

  private static boolean containsText(String json, String text) {
    try {
      List<JsonNode> nodes = new ArrayList<>(List.of(JSON.readTree(json)));
      for (int i = 0; i < nodes.size(); i++) {
        JsonNode node = nodes.get(i);
        if (node.isTextual() && node.asText().equals(text)) {
          return true;
        }
        node.elements().forEachRemaining(nodes::add);
      }
      return false;
    } catch (JsonProcessingException e) {
      return false;
    }
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
        if (table.toUpperCase(Locale.ROOT).startsWith("ACT_")) {
          continue;
        }
        try (ResultSet columns = connection.getMetaData().getColumns(null, connection.getSchema(), table, "%")) {
          while (columns.next()) {
            if (!List.of(Types.VARCHAR, Types.CLOB, Types.LONGVARCHAR).contains(columns.getInt("DATA_TYPE"))) {
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
    names.removeIf(name -> List.of("ACT_RU_METER_LOG", "ACT_RU_TASK_METER_LOG", "ACT_GE_PROPERTY")
        .contains(name.toUpperCase(Locale.ROOT)));
    assertThat(names).as("tables").anyMatch("case_file"::equalsIgnoreCase);
    return names;
  }

  private void count(Kind kind, String outcome) {
    tally.computeIfAbsent(kind, ignored -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
  }

  /** Kinds down, outcomes across, with totals: the summary of the run. */
  private void printTally(long seed, int requests) {
    TreeSet<String> outcomes = new TreeSet<>();
    tally.values().forEach(counts -> outcomes.addAll(counts.keySet()));
    StringBuilder table = new StringBuilder("HostileInputTest: " + requests + " requests, seed " + seed + "\n");
    table.append(String.format("%-16s", "kind"));
    outcomes.forEach(outcome -> table.append(String.format("%18s", outcome)));
    table.append(String.format("%8s%n", "total"));
    tally.forEach((kind, counts) -> {
      table.append(String.format("%-16s", kind));
      outcomes.forEach(outcome -> table.append(String.format("%18d", counts.getOrDefault(outcome, 0))));
      table.append(String.format("%8d%n", counts.values().stream().mapToInt(Integer::intValue).sum()));
    });
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
    return text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
  }
}
