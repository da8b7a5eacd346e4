package cn.court.enforcement.migration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.calendar.CaseClock;
import cn.court.enforcement.calendar.CaseTerm.PauseReason;
import cn.court.enforcement.calendar.TimeLimitParseListener;
import cn.court.enforcement.escalation.EscalationSweep;
import cn.court.enforcement.escalation.NodeDeadlines;
import cn.court.enforcement.escalation.NodeDeadlines.Node;
import cn.court.enforcement.migration.CaseMigration.Migration;
import cn.court.enforcement.migration.CaseMigration.Progress;
import cn.court.enforcement.migration.MigrationReport.Activity;
import cn.court.enforcement.migration.MigrationReport.Staying;
import cn.court.enforcement.migration.MigrationReport.Version;
import cn.court.enforcement.support.FormCases;
import cn.court.enforcement.support.StaffClient;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * 200 running enforcement cases spread over six activities move to a version with one user task
 * renamed, one added and one removed, as an administrator does it over REST: dry run,
 * confirmation, batch progress. Its own context: it deploys a version other tests must not meet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "court.test.context=migration", "court.migration.mapping-directory=file:target/migration-test/"})
@DirtiesContext
class CaseMigrationTest {

  static final String KEY = "enforcement-case";
  static final String RENAMED = "Task_RecordReception";
  static final String RENAMED_TO = "Task_RecordFirstReception";
  static final String ADDED = "Task_CheckServiceReturn";
  static final String REMOVED = "Task_PublishRuling";
  static final String RECEPTION_LIMITS = "intake, execution-notice-from-filing";
  /** Where the 200 cases wait, and how many at each. */
  static final Map<String, Integer> SPREAD = spread();
  static final Path MAPPINGS = Path.of("target/migration-test/enforcement-case.yml");
  static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired CaseClock clock;
  @Autowired EscalationSweep sweep;
  @Autowired NodeDeadlines nodes;

  /** What a case had before the migration: its task and its clock. */
  record Before(String caseNumber, String activityId, String taskId, Date due, String assignee, CaseClock.State clock) {}

  private static Map<String, Integer> spread() {
    Map<String, Integer> spread = new LinkedHashMap<>();
    for (String activity : List.of("Task_VerifyFilingData", RENAMED, "Task_RegisterAndServeDocuments",
        "Task_StartNetworkInquiry", "Task_RecordTriageFacts")) {
      spread.put(activity, 36);
    }
    spread.put(REMOVED, 20);
    return spread;
  }

  @Test
  void runningCasesMoveToAVersionWithARenamedAndAnAddedTaskAndThoseInARemovedOneStay() throws IOException {
    ProcessDefinition v1 = latest();
    Map<String, Before> cases = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, Integer> at : SPREAD.entrySet()) {
      for (int n = 0; n < at.getValue(); n++) {
        Before before = startAt(at.getKey(), i++);
        cases.put(runtime.createProcessInstanceQuery().processInstanceBusinessKey(before.caseNumber()).singleResult().getId(),
            before);
      }
    }
    assertThat(cases).hasSize(200);
    // two months on, every node is badly overdue: the sweep records and announces each stage once
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(60))));
    assertThat(sweep.sweep().stagesSent()).isGreaterThanOrEqualTo(200);
    Map<String, Node> escalated = nodes.recorded(cases.values().stream().map(Before::taskId).toList());
    assertThat(escalated).hasSize(200);
    deploy(version2());
    ProcessDefinition v2 = latest();
    assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);

    StaffClient admin = StaffClient.rest(port, "admin", "demo");
    // a renamed user task that does not say which time limit it keeps is refused with the version's plan
    writeMappings("mappings:\n  - from: " + RENAMED + "\n    to: " + RENAMED_TO + "\n");
    MigrationReport unsaid = read(admin.post("/api/migrations/" + KEY + "/dry-run", ""), MigrationReport.class);
    assertThat(version(unsaid, v1).planProblems()).singleElement().asString()
        .contains(RENAMED + " → " + RENAMED_TO, "须用 timeLimit 写明它的时限");
    assertThat(unsaid.moving()).isZero();

    writeMappings("mappings:\n  - from: " + RENAMED + "\n    to: " + RENAMED_TO + "\n    timeLimit: " + RECEPTION_LIMITS
        + "\nremoved:\n  " + REMOVED + ": 裁判文书上网改由案款管理办理\n");
    MigrationReport dryRun = read(admin.post("/api/migrations/" + KEY + "/dry-run", ""), MigrationReport.class);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v2.getId()).count()).isZero();

    Version fromV1 = version(dryRun, v1);
    assertThat(fromV1.planProblems()).isEmpty();
    assertThat(fromV1.notes()).as("no task changed its time limit").isEmpty();
    assertThat(fromV1.running()).isEqualTo(200);
    assertThat(dryRun.moving()).isEqualTo(180);
    assertThat(dryRun.staying()).isEqualTo(20);
    Map<String, Activity> perActivity = fromV1.activities().stream()
        .collect(Collectors.toMap(Activity::activityId, a -> a));
    SPREAD.forEach((activity, count) -> {
      boolean removed = activity.equals(REMOVED);
      assertThat(perActivity.get(activity).moving()).as(activity).isEqualTo(removed ? 0 : count);
      assertThat(perActivity.get(activity).staying()).as(activity).isEqualTo(removed ? count : 0);
    });
    assertThat(perActivity.get(RENAMED).targetActivityId()).isEqualTo(RENAMED_TO);
    assertThat(perActivity.get(REMOVED).targetActivityId()).isNull();
    assertThat(fromV1.staying()).extracting(Staying::caseNumber).containsExactlyInAnyOrderElementsOf(
        cases.values().stream().filter(c -> c.activityId().equals(REMOVED)).map(Before::caseNumber).toList());
    assertThat(fromV1.staying().get(0).reasons()).singleElement().asString()
        .contains("「裁判文书上网」（Task_PublishRuling）在最新版本中已没有", "裁判文书上网改由案款管理办理");

    Migration migration = read(admin.post("/api/migrations/" + KEY, ""), Migration.class);
    assertThat(migration.report().moving()).isEqualTo(dryRun.moving());
    assertThat(migration.batches()).singleElement().satisfies(batch -> assertThat(batch.instances()).isEqualTo(180));
    String batchId = migration.batches().get(0).batchId();
    Progress waiting = read(admin.get("/api/migrations/batches/" + batchId), Progress.class);
    assertThat(waiting.finished()).isFalse();
    assertThat(waiting.totalJobs()).isEqualTo(180);

    runBatch(batchId);

    Progress done = read(admin.get("/api/migrations/batches/" + batchId), Progress.class);
    assertThat(done.finished()).isTrue();
    assertThat(done.completedJobs()).isEqualTo(180);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v2.getId()).count()).isEqualTo(dryRun.moving());
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v1.getId()).list())
        .extracting(instance -> instance.getBusinessKey())
        .containsExactlyInAnyOrderElementsOf(fromV1.staying().stream().map(Staying::caseNumber).toList());
    cases.forEach((instanceId, before) -> {
      Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
      boolean stays = before.activityId().equals(REMOVED);
      assertThat(task.getProcessDefinitionId()).isEqualTo(stays ? v1.getId() : v2.getId());
      assertThat(task.getId()).isEqualTo(before.taskId());
      assertThat(task.getTaskDefinitionKey()).isEqualTo(before.activityId().equals(RENAMED) ? RENAMED_TO : before.activityId());
      assertThat(task.getDueDate()).as(before.caseNumber()).isEqualTo(before.due());
      assertThat(task.getAssignee()).as(before.caseNumber()).isEqualTo(before.assignee());
      assertThat(clock.state(before.caseNumber())).isEqualTo(before.clock());
    });
    // the escalation state is the tasks': no stage is announced again, each node's record is as it was
    assertThat(sweep.sweep().stagesSent()).isZero();
    assertThat(nodes.recorded(escalated.keySet())).isEqualTo(escalated);
    // the renamed task is held to its limits in the new diagram too: the escalation sweep reads them there
    assertThat(TimeLimitParseListener.limitsOf(repository.getProcessDefinition(v2.getId()), RENAMED_TO))
        .isEqualTo(TimeLimitParseListener.names(RECEPTION_LIMITS));
    // and finds its form, now bound to the new version's deployment
    Task renamed = tasks.createTaskQuery().processDefinitionId(v2.getId()).taskDefinitionKey(RENAMED_TO).listPage(0, 1).get(0);
    try (InputStream form = forms.getDeployedTaskForm(renamed.getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"intake-reception\"");
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void onlyAdministratorsMigrateAndAnUnknownProcessOrBatchIsNotFound() {
    for (String user : List.of("juzhang", "lilinxia")) {
      StaffClient staff = StaffClient.rest(port, user, "demo");
      for (HttpResponse<String> answer : List.of(staff.post("/api/migrations/" + KEY + "/dry-run", ""),
          staff.post("/api/migrations/" + KEY, ""), staff.get("/api/migrations/batches/any"))) {
        assertThat(answer.statusCode()).as(user).isEqualTo(403);
        assertThat(answer.body()).contains(MigrationController.REFUSAL);
      }
    }
    StaffClient admin = StaffClient.rest(port, "admin", "demo");
    HttpResponse<String> unknown = admin.post("/api/migrations/no-such-process/dry-run", "");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("没有流程定义 no-such-process");
    HttpResponse<String> noBatch = admin.get("/api/migrations/batches/no-such-batch");
    assertThat(noBatch.statusCode()).isEqualTo(404);
    assertThat(noBatch.body()).contains("没有编号为 no-such-batch 的迁移批次");
  }

  /**
   * A case filed a few days ago, waiting at {@code activityId}; every tenth with a period its clock
   * does not count, every third task assigned to someone.
   */
  private Before startAt(String activityId, int i) {
    String caseNumber = FormCases.newCaseNumber();
    LocalDate filed = LocalDate.now().minusDays(i % 7);
    clock.register(caseNumber, filed, false);
    if (i % 10 == 0) {
      clock.pause(caseNumber, PauseReason.APPRAISAL, filed, null, "测试");
    }
    String instanceId = runtime.createProcessInstanceByKey(KEY).businessKey(caseNumber)
        .setVariable("caseNumber", caseNumber).setVariable("filingDate", filed.toString())
        .setVariable("closedDate", LocalDate.now().toString())
        .startBeforeActivity(activityId).execute().getId();
    Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(task.getDueDate()).as(activityId).isNotNull();
    if (i % 3 == 0) {
      tasks.setAssignee(task.getId(), "lilinxia");
    }
    return new Before(caseNumber, activityId, task.getId(), task.getDueDate(), i % 3 == 0 ? "lilinxia" : null,
        clock.state(caseNumber));
  }

  /**
   * The current diagram with {@link #RENAMED} under a new id, {@link #ADDED} after the documents'
   * registration, and {@link #REMOVED} gone (its incoming flow goes straight to the join). Deployed
   * by the test without a user, so the deployment check (which wants a shape per node) is not run.
   */
  private static String version2() throws IOException {
    String diagram = Files.readString(Path.of("processes", KEY + ".bpmn"));
    diagram = diagram.replace("\"" + RENAMED + "\"", "\"" + RENAMED_TO + "\"");
    diagram = once(diagram, "targetRef=\"SubProcess_NetworkControl\" />",
        "targetRef=\"" + ADDED + "\" />\n    <bpmn:sequenceFlow id=\"Flow_ServiceReturnChecked\" sourceRef=\"" + ADDED
            + "\" targetRef=\"SubProcess_NetworkControl\" />");
    diagram = once(diagram, "<bpmn:incoming>Flow_ToNetworkControl</bpmn:incoming>",
        "<bpmn:incoming>Flow_ServiceReturnChecked</bpmn:incoming>");
    diagram = once(diagram, "<bpmn:subProcess id=\"SubProcess_NetworkControl\"",
        "<bpmn:userTask id=\"" + ADDED + "\" name=\"核对送达回证\" camunda:candidateGroups=\"documents\">\n"
            + "      <bpmn:incoming>Flow_ToNetworkControl</bpmn:incoming>\n"
            + "      <bpmn:outgoing>Flow_ServiceReturnChecked</bpmn:outgoing>\n    </bpmn:userTask>\n"
            + "    <bpmn:subProcess id=\"SubProcess_NetworkControl\"");
    diagram = onceMatching(diagram, "<bpmn:userTask id=\"" + REMOVED + "\"[\\s\\S]*?</bpmn:userTask>\\s*", "");
    diagram = onceMatching(diagram, "<bpmn:sequenceFlow id=\"Flow_ToJoinDossier\"[^>]*/>\\s*", "");
    diagram = once(diagram, "targetRef=\"" + REMOVED + "\"", "targetRef=\"Gateway_JoinDossier\"");
    diagram = once(diagram, "<bpmn:incoming>Flow_ToJoinDossier</bpmn:incoming>", "<bpmn:incoming>Flow_ToPublishRuling</bpmn:incoming>");
    diagram = onceMatching(diagram, "<bpmndi:BPMNShape id=\"" + REMOVED + "_di\"[\\s\\S]*?</bpmndi:BPMNShape>\\s*", "");
    return onceMatching(diagram, "<bpmndi:BPMNEdge id=\"Flow_ToJoinDossier_di\"[\\s\\S]*?</bpmndi:BPMNEdge>\\s*", "");
  }

  /** Replaces the one occurrence of {@code literal}: an edit that no longer finds its place fails the test. */
  private static String once(String text, String literal, String replacement) {
    return onceMatching(text, Pattern.quote(literal), replacement);
  }

  private static String onceMatching(String text, String regex, String replacement) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.results().count()).as(regex).isEqualTo(1);
    return matcher.reset().replaceFirst(Matcher.quoteReplacement(replacement));
  }

  /** The diagram with the forms it references, as the application deploys them (formRefBinding="deployment"). */
  private void deploy(String diagram) throws IOException {
    DeploymentBuilder deployment = repository.createDeployment().name(KEY)
        .addString(KEY + ".bpmn", diagram);
    Matcher ref = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(diagram);
    List<String> forms = new ArrayList<>();
    while (ref.find()) {
      if (!forms.contains(ref.group(1))) {
        forms.add(ref.group(1));
        deployment.addInputStream(ref.group(1) + ".form",
            new ByteArrayInputStream(Files.readAllBytes(Path.of("forms", ref.group(1) + ".form"))));
      }
    }
    deployment.deploy();
  }

  /** What the job executor would do: the seed job creates a job per instance, each migrates one, the monitor closes the batch. */
  private void runBatch(String batchId) {
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId())) {
      List<Job> jobs;
      while (!(jobs = management.createJobQuery().jobDefinitionId(definition).list()).isEmpty()) {
        jobs.forEach(job -> management.executeJob(job.getId()));
        if (definition.equals(batch.getMonitorJobDefinitionId())) {
          break;
        }
      }
    }
  }

  private static void writeMappings(String yaml) throws IOException {
    Files.createDirectories(MAPPINGS.getParent());
    Files.writeString(MAPPINGS, yaml, StandardCharsets.UTF_8);
  }

  private ProcessDefinition latest() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
  }

  private static Version version(MigrationReport report, ProcessDefinition source) {
    return report.versions().stream().filter(v -> v.definitionId().equals(source.getId())).findFirst().orElseThrow();
  }

  private static <T> T read(HttpResponse<String> answer, Class<T> type) throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readValue(answer.body(), type);
  }
}
