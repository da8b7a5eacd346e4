package cn.court.enforcement.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Staff;
import cn.court.enforcement.organisation.Organisation.Unit;
import cn.court.enforcement.support.FormCases;
import cn.court.enforcement.support.FormExample;
import cn.court.enforcement.support.FormUse;
import cn.court.enforcement.support.StaffClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 18 §5: every user task of every deployed process against a member of every unit, over
 * REST (HTTP Basic) and through the webapps' engine API (Tasklist's session and CSRF token):
 * who sees it (by id and by query), who claims it and who gets past the engine's check on
 * completion. Expected, from the model alone: the task's candidate groups (expressions resolved
 * by the instance's variables; its assignee is one of them) work it; supervising units only read
 * it; nobody else even sees it, and a refused attempt changes nothing. The matrix is printed and written to
 * {@code target/authorization-matrix.md}.
 *
 * <p>Completion is tried on the unclaimed task: whoever passes the engine's authorization check
 * is then stopped by tasklist/AssigneeCompletes ("请先认领", 409, rolled back), whoever does not
 * gets 403 or 404; so every task serves every attempt and nothing moves on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationMatrixTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REPORT = Path.of("target", "authorization-matrix.md");
  private static final String REST = "/engine-rest/";
  private static final String WEBAPP = "/camunda/api/engine/engine/default/";
  /** {@code ${name}} or {@code ${execution.getVariable('name')}}: the forms an expression takes in the diagrams. */
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*(?:execution\\.getVariable\\('(\\w+)'\\)|(\\w+))\\s*}");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Organisation organisation;
  @Autowired ApplicationContext context;

  /** One unit's member who tries, logged in once per API (base path → client). */
  record Column(Unit unit, Staff member, Map<String, StaffClient> clients) {}

  /** One task in place: what its model gives it, resolved for its instance. */
  record Row(FormUse use, Task task, Set<String> groups, String assignee) {
    String label() {
      return use.process().getKey() + " · " + use.activityId() + " " + use.activityName();
    }

    String candidates() {
      return String.join(", ", groups) + (assignee == null ? "" : "; assignee " + assignee);
    }
  }

  /** What one person could do with one task. */
  record Access(boolean see, boolean claim, boolean complete) {
    String cell() {
      String cell = (see ? "S" : "-") + (claim ? "C" : "-") + (complete ? "C" : "-");
      return switch (cell) {
        case "S--" -> "S";
        case "---" -> "-";
        default -> cell;
      };
    }
  }

  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

  @Test
  void onlyATasksCandidateGroupsWorkItAndSupervisorsOnlyReadIt() throws Exception {
    long started = System.nanoTime();
    List<Row> rows = tasksInPlace();
    List<Column> columns = oneMemberPerUnit();
    long placed = System.nanoTime();

    Map<Column, Map<String, Set<String>>> listed = new LinkedHashMap<>();
    for (Column column : columns) {
      listed.put(column, listedBy(column, rows));
    }
    Map<String, Access> actual = new ConcurrentHashMap<>();
    // Two workers on distinct tasks: attempts on one task stay in order (a claim is reset before the next).
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Row row : rows) {
        done.add(pool.submit(() -> {
          for (Column column : columns) {
            actual.put(key(row, column), attempts(row, column, listed.get(column)));
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    Map<String, Access> expected = new LinkedHashMap<>();
    for (Row row : rows) {
      for (Column column : columns) {
        expected.put(key(row, column), expected(row, column.member()));
      }
    }
    String table = table(rows, columns, actual);
    System.out.println(table);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, table);
    System.out.printf("authorization matrix: %d tasks × %d units, tasks placed in %d s, attempts in %d s%n",
        rows.size(), columns.size(), (placed - started) / 1_000_000_000, (System.nanoTime() - placed) / 1_000_000_000);

    for (Map.Entry<String, Access> cell : expected.entrySet()) {
      Access found = actual.get(cell.getKey());
      if (!cell.getValue().equals(found)) {
        problems.add(cell.getKey() + ": expected " + cell.getValue().cell() + ", found " + found.cell());
      }
    }
    assertThat(problems).as("see " + REPORT).isEmpty();
    assertThat(rows).as("user tasks of the deployed processes").hasSizeGreaterThan(50);
  }

  /**
   * Someone outside a task's groups who was assigned to it (a handler from another team, an assignment
   * since corrected) keeps nothing once it is taken from them: the engine's own grant used to stay.
   */
  @Test
  void aFormerAssigneeOutsideTheCandidateGroupsKeepsNoRightOnTheTask() {
    String caseNumber = FormCases.newCaseNumber();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(engine.getRuntimeService()
        .createProcessInstanceByKey("enforcement-case").businessKey(caseNumber).setVariable("caseNumber", caseNumber)
        .setVariable("filingDate", LocalDate.now().toString()).startBeforeActivity("Task_RegisterAndServeDocuments")
        .execute().getId()).singleResult().getId();
    StaffClient outsider = StaffClient.rest(port, "zhouyuan", "demo"); // ordinary-team-1, not documents
    engine.getTaskService().setAssignee(task, "zhouyuan");
    assertThat(outsider.get(REST + "task/" + task).statusCode()).as("the assignee reads it").isEqualTo(200);

    engine.getTaskService().setAssignee(task, "chengxinfeng");
    assertThat(outsider.get(REST + "task/" + task).statusCode()).as("reassigned: no longer readable").isIn(403, 404);
    // The new assignee gives it back herself (handler/ReleaseOwnTask): her own grant goes, her group's stays.
    StaffClient candidate = StaffClient.rest(port, "chengxinfeng", "demo");
    assertThat(candidate.post(REST + "task/" + task + "/unclaim", "").statusCode()).isEqualTo(204);
    assertThat(outsider.post(REST + "task/" + task + "/claim", "{\"userId\":\"zhouyuan\"}").statusCode())
        .as("back in the group's list: not claimable").isIn(403, 404);
    assertThat(candidate.post(REST + "task/" + task + "/claim", "{\"userId\":\"chengxinfeng\"}").statusCode()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("chengxinfeng");
  }

  /** Each user task brought to its place as its form example says, left unclaimed. */
  private List<Row> tasksInPlace() {
    FormCases cases = new FormCases(context);
    List<Row> rows = new ArrayList<>();
    for (FormUse use : FormUse.deployed(engine.getRepositoryService())) {
      if (use.start()) {
        continue;
      }
      Task task = cases.reachTask(use, FormExample.of(use.formId()).use(use), FormCases.newCaseNumber()).task();
      UserTask model = engine.getRepositoryService().getBpmnModelInstance(use.process().getId())
          .getModelElementById(use.activityId());
      Set<String> groups = model.getCamundaCandidateGroupsList().stream().map(group -> resolve(group, task))
          .filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
      // The diagram's assignee, else whom a create listener named (the court president, the bureau chief, a team
      // leader naming the handler: authority/CourtPresident, dossier/BureauChief, handler/NameHandler).
      String assignee = model.getCamundaAssignee() == null ? task.getAssignee() : resolve(model.getCamundaAssignee(), task);
      Row row = new Row(use, task, groups, assignee);
      // The engine linked what the model says, or the expectation below would be about another task.
      if (!new TreeSet<>(cases.candidateGroups(task.getId())).equals(groups)
          || !String.valueOf(assignee).equals(String.valueOf(task.getAssignee()))) {
        problems.add(row.label() + ": the model gives " + row.candidates() + ", the engine linked "
            + cases.candidateGroups(task.getId()) + "; assignee " + task.getAssignee());
      }
      // Whoever is assigned works the task as a member of its candidate groups, which their column shows once
      // it is unclaimed (taking it from them takes their own grant: TaskGrants).
      if (assignee != null && organisation.person(assignee).map(Staff::groups).orElse(List.of()).stream()
          .noneMatch(groups::contains)) {
        problems.add(row.label() + ": assigned to " + assignee + ", who is in none of its candidate groups");
      }
      engine.getTaskService().setAssignee(task.getId(), null);
      rows.add(row);
    }
    return rows;
  }

  /**
   * A diagram's group or assignee: a literal, or a variable of the task's execution; null where it is unset
   * (e.g. {@code execution.getVariable('caseHandler')} of a case not yet allocated: nobody is assigned).
   */
  private String resolve(String expression, Task task) {
    if (!expression.contains("${")) {
      return expression.trim();
    }
    Matcher variable = VARIABLE.matcher(expression);
    assertThat(variable.matches()).as("an expression this test can resolve: " + expression).isTrue();
    String name = variable.group(1) != null ? variable.group(1) : variable.group(2);
    Object value = engine.getRuntimeService().getVariable(task.getExecutionId(), name);
    return value == null ? null : value.toString();
  }

  /**
   * Per unit the member in the fewest other units (not yet chosen for another unit if possible), so a
   * column shows that unit's rights as far as the organisation allows; logged in once per API.
   */
  private List<Column> oneMemberPerUnit() {
    Set<String> chosen = new HashSet<>();
    List<Column> columns = new ArrayList<>();
    for (Unit unit : organisation.units()) {
      Staff member = organisation.membersOf(unit.id()).stream()
          .min(Comparator.<Staff>comparingInt(s -> s.groups().size()).thenComparing(s -> chosen.contains(s.id())))
          .orElseThrow();
      chosen.add(member.id());
      StaffClient webapp = StaffClient.webapp(port, "tasklist", member.id(), "demo");
      assertThat(webapp.loginStatus).as(member.id() + " logs in to Tasklist").isEqualTo(200);
      Map<String, StaffClient> clients = new LinkedHashMap<>();
      clients.put(REST, StaffClient.rest(port, member.id(), "demo"));
      clients.put(WEBAPP, webapp);
      columns.add(new Column(unit, member, clients));
    }
    return columns;
  }

  /** Per API, the test's tasks a task query by their instances lists for this member. */
  private Map<String, Set<String>> listedBy(Column column, List<Row> rows) throws Exception {
    String query = JSON.writeValueAsString(Map.of("processInstanceIdIn",
        rows.stream().map(row -> row.task().getProcessInstanceId()).distinct().toList()));
    Map<String, Set<String>> listed = new LinkedHashMap<>();
    for (Map.Entry<String, StaffClient> api : column.clients().entrySet()) {
      HttpResponse<String> answer = api.getValue().post(api.getKey() + "task?maxResults=10000", query);
      assertThat(answer.statusCode()).as(column.member().id() + " queries at " + api.getKey()).isEqualTo(200);
      Set<String> ids = new HashSet<>();
      JSON.readTree(answer.body()).forEach(task -> ids.add(task.path("id").asText()));
      listed.put(api.getKey(), ids);
    }
    return listed;
  }

  /** One member's attempts on one task through both APIs, which must agree. */
  private Access attempts(Row row, Column column, Map<String, Set<String>> listed) {
    Map<String, Access> byApi = new LinkedHashMap<>();
    for (Map.Entry<String, StaffClient> api : column.clients().entrySet()) {
      String who = key(row, column) + " at " + api.getKey();
      String task = api.getKey() + "task/" + row.task().getId();
      StaffClient client = api.getValue();

      boolean read = outcome(who + " reads", client.get(task), 200);
      if (read != listed.get(api.getKey()).contains(row.task().getId())) {
        problems.add(who + ": reading by id (" + read + ") and the task query disagree");
      }
      boolean claimed = outcome(who + " claims", client.post(task + "/claim",
          "{\"userId\":\"" + column.member().id() + "\"}"), 204);
      if (claimed) {
        String assignee = engine.getTaskService().createTaskQuery().taskId(row.task().getId()).singleResult().getAssignee();
        if (!column.member().id().equals(assignee)) {
          problems.add(who + ": after the claim the task is assigned to " + assignee);
        }
        engine.getTaskService().setAssignee(row.task().getId(), null);
      }
      // Tasklist submits the form; a REST client may also complete. Past the engine's check, "请先认领" (409).
      boolean completed = outcome(who + " completes", client.post(task + (api.getKey().equals(REST) ? "/complete"
          : "/submit-form"), "{}"), 409);
      Task after = engine.getTaskService().createTaskQuery().taskId(row.task().getId()).singleResult();
      if (after == null || after.getAssignee() != null) {
        problems.add(who + ": a refused claim or the completion attempt changed the task");
      }
      byApi.put(api.getKey(), new Access(read, claimed, completed));
    }
    if (byApi.values().stream().distinct().count() > 1) {
      problems.add(key(row, column) + ": the APIs disagree " + byApi);
    }
    return byApi.get(REST);
  }

  /** True for the answer of a permitted attempt, false for a refusal (403 or not found); anything else is a problem. */
  private boolean outcome(String what, HttpResponse<String> answer, int permitted) {
    if (answer.statusCode() == permitted) {
      return true;
    }
    if (answer.statusCode() != 403 && answer.statusCode() != 404) {
      problems.add(what + ": answered " + answer.statusCode() + " " + answer.body());
    }
    return false;
  }

  /** From the model: the candidate groups work the task (its assignee among them), supervisors read it. */
  private Access expected(Row row, Staff member) {
    boolean works = member.groups().stream().anyMatch(row.groups()::contains);
    boolean supervises = member.groups().stream().anyMatch(g -> organisation.unit(g).map(Unit::supervisor).orElse(false));
    return new Access(works || supervises, works, works);
  }

  private static String key(Row row, Column column) {
    return row.label() + " × " + column.unit().id() + " (" + column.member().id() + ")";
  }

  private static String table(List<Row> rows, List<Column> columns, Map<String, Access> actual) {
    StringBuilder out = new StringBuilder("# Authorization matrix\n\n"
        + "S = sees it (by id and by query), first C = claims it, second C = passes the check on completion; "
        + "\"S\" = sees only, \"-\" = nothing. Each cell the same over REST and the webapps' API.\n\n"
        + "Columns: " + columns.stream().map(c -> c.unit().id() + " = " + c.member().id() + " " + c.member().groups())
        .collect(Collectors.joining(", ")) + "\n\n| process · task | candidates |");
    columns.forEach(column -> out.append(' ').append(column.unit().id()).append(" |"));
    out.append("\n|---|---|").append("---|".repeat(columns.size())).append('\n');
    for (Row row : rows) {
      out.append("| ").append(row.label()).append(" | ").append(row.candidates()).append(" |");
      columns.forEach(column -> out.append(' ').append(actual.get(key(row, column)).cell()).append(" |"));
      out.append('\n');
    }
    return out.toString();
  }
}
