package cn.court.enforcement.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cn.court.enforcement.calendar.CaseClock;
import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.FilingValidator;
import cn.court.enforcement.organisation.Organisation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every start form and user task form of every deployed process, in a Chinese Chromium:
 * a member of the candidate group opens it in Tasklist, one invalid value shows its Chinese
 * message and completes nothing, the valid values complete it and the process moves on.
 * Forms are found in the deployed definitions, their data in {@code forms/examples/}: a new
 * form or task needs data there, not new test code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormsBrowserTest {

  private static final AtomicInteger CASE_NUMBERS = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 800_000));

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired Organisation organisation;
  @Autowired FilingValidator filingValidator;
  @Autowired CaseRegistry registry;
  @Autowired CaseClock clock;

  private Browser browser;
  private Tasklist tasklist;

  @BeforeAll
  void openBrowser() {
    browser = new Browser("forms");
    tasklist = new Tasklist(browser, port);
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyFormOfEveryDeployedProcess() {
    List<FormUse> uses = FormUse.deployed(repository);
    assertThat(uses).extracting(FormUse::formId).contains("case-filing", "filing-verify");
    // -Dbrowser.forms=<regex> runs only the matching uses (while working on a form).
    String only = System.getProperty("browser.forms", "");
    return uses.stream().filter(use -> only.isEmpty() || use.toString().matches(".*(" + only + ").*"))
        .map(use -> dynamicTest(use.toString(), () -> exercise(use)));
  }

  @Test
  void anOutsiderDoesNotSeeTheTaskItsGroupSees() {
    browser.folder("outsider");
    String caseNumber = "（2026）豫0105执" + CASE_NUMBERS.incrementAndGet() + "号";
    String processInstanceId = runtime.createProcessInstanceByKey("enforcement-case").businessKey(caseNumber)
        .setVariable("caseNumber", caseNumber).startBeforeActivity("Task_VerifyFilingData").execute().getId();
    Task task = task(processInstanceId, "Task_VerifyFilingData");

    tasklist.as(leader("intake"));
    tasklist.openFilter("本组待办");
    browser.awaitText(task.getName());
    browser.screenshot("member-group-filter");
    assertThat(browser.text()).contains(staffName(leader("intake")), task.getName());

    String outsider = leader("finance");
    tasklist.as(outsider);
    tasklist.openFilter("本组待办");
    browser.awaitText(staffName(outsider));
    browser.screenshot("outsider-group-filter");
    assertThat(browser.text()).doesNotContain(task.getName());
    tasklist.openTask(task.getId());
    browser.awaitText("该任务已不存在");
    browser.screenshot("outsider-task-link");
    assertThat(browser.text()).doesNotContain(task.getName());
    assertThat(browser.all(By.cssSelector(".fjs-container"))).isEmpty();
  }

  @Test
  void aSupervisorFindsTheCaseInCockpitWithItsCurrentActivity() {
    browser.folder("cockpit");
    String caseNumber = "（2026）豫0105执" + CASE_NUMBERS.incrementAndGet() + "号";
    ProcessInstance instance = runtime.createProcessInstanceByKey("enforcement-case").businessKey(caseNumber)
        .setVariable("caseNumber", caseNumber).startBeforeActivity("Task_RegisterAndServeDocuments").execute();
    Cockpit cockpit = new Cockpit(browser, port);
    tasklist.forget();
    cockpit.login("wanghui", "demo");
    browser.screenshot("dashboard");
    assertThat(browser.text()).contains("王辉");

    cockpit.searchByBusinessKey(instance.getProcessDefinitionId(), caseNumber);
    browser.screenshot("found-by-case-number");
    assertThat(browser.text()).contains(caseNumber);

    cockpit.openInstanceListed(instance.getId());
    browser.screenshot("instance-diagram");
    assertThat(browser.text()).contains("执行案件办理", caseNumber);
    assertThat(cockpit.runningActivities()).containsExactly("Task_RegisterAndServeDocuments");
    assertThat(cockpit.label("Task_RegisterAndServeDocuments")).isEqualTo("登记案件并送达文书");
    tasklist.forget();
  }

  private void exercise(FormUse use) {
    FormExample example = FormExample.of(use.formId());
    FormExample.Use how = example.use(use);
    CamundaForm form = CamundaForm.read(Path.of("forms", use.formId() + ".form"));
    String caseNumber = "（2026）豫0105执" + CASE_NUMBERS.incrementAndGet() + "号";
    browser.folder(use.process().getKey() + "/" + use.activityId());
    try {
      if (use.start()) {
        startThroughForm(use, example, how, form, caseNumber);
      } else {
        completeTask(use, example, how, form, caseNumber);
      }
    } catch (RuntimeException | AssertionError e) {
      browser.screenshot("failed");
      browser.savePage("failed");
      throw e;
    }
  }

  // --- start forms -----------------------------------------------------------------------

  private void startThroughForm(FormUse use, FormExample example, FormExample.Use how, CamundaForm form,
      String caseNumber) {
    if (how.registerCase()) {
      clock.register(caseNumber, LocalDate.now(), false);
    }
    // A process about a running case (e.g. extending its term) needs the case where it stands.
    String caseInstance = how.caseAt() == null ? "none" : runtime.createProcessInstanceByKey(CaseVariables.PROCESS_KEY)
        .businessKey(caseNumber).setVariables(caseVariables(caseNumber, how)).startBeforeActivity(how.caseAt())
        .execute().getId();
    if (how.registerCase()) {
      registerCase(caseNumber, how.given(caseNumber), caseInstance);
    }
    String user = how.user() != null ? how.user() : starter(use);
    tasklist.as(user);
    tasklist.openStartForm(use.process().getName());
    browser.screenshot("start-form-opened");
    assertThat(browser.text()).contains(use.process().getName(), staffName(user));

    showsInvalidValue(example, form, caseNumber, true);
    assertThat(instanceOfCase(use, caseNumber)).as("a refused start form starts nothing").isNull();

    fixInvalidValue(example, form, caseNumber);
    browser.screenshot("start-form-filled");
    tasklist.submit(true);
    ProcessInstance instance = poll(() -> instanceOfCase(use, caseNumber), "instance of " + caseNumber);
    browser.screenshot("started");
    movedOn(instance.getId(), how.next());
  }

  /** A leader of a unit the organisation lets start the process, else of a candidate starter group. */
  private String starter(FormUse use) {
    List<String> groups = new ArrayList<>();
    organisation.units().stream().filter(unit -> unit.starts().contains(use.process().getKey()))
        .forEach(unit -> groups.add(unit.id()));
    repository.getIdentityLinksForProcessDefinition(use.process().getId()).stream()
        .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).sorted().forEach(groups::add);
    assertThat(groups).as("who may start " + use.process().getKey()).isNotEmpty();
    return leader(groups.get(0));
  }

  private ProcessInstance instanceOfCase(FormUse use, String caseNumber) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(use.process().getKey())
        .processInstanceBusinessKey(caseNumber).singleResult();
  }

  // --- user task forms -------------------------------------------------------------------

  private void completeTask(FormUse use, FormExample example, FormExample.Use how, CamundaForm form,
      String caseNumber) {
    Map<String, Object> given = caseVariables(caseNumber, how);
    // The statutory clock runs from filing; tasks whose due date is the case's need it at creation.
    clock.register(caseNumber, LocalDate.now(), false);
    String processInstanceId = runtime.createProcessInstanceByKey(use.process().getKey()).businessKey(caseNumber)
        .setVariables(given).startBeforeActivity(how.startBefore() != null ? how.startBefore() : use.activityId())
        .execute().getId();
    if (how.registerCase()) {
      registerCase(caseNumber, given, processInstanceId);
    }
    if (how.steps() != null) {
      for (FormExample.Step step : how.steps()) {
        runJobs(processInstanceId);
        tasks.complete(task(processInstanceId, step.task()).getId(),
            FormExample.substitute(step.variables() == null ? Map.<String, Object>of() : step.variables(), caseNumber));
      }
    }
    runJobs(processInstanceId);
    Task task = task(processInstanceId, use.activityId());
    String user = how.user() != null ? how.user() : leader(candidateGroups(task.getId()).get(0));

    tasklist.as(user);
    tasklist.openAndClaim(task.getId(), task.getName());
    browser.screenshot("task-opened");
    assertThat(browser.text()).contains(task.getName(), use.process().getName(), staffName(user));

    showsInvalidValue(example, form, caseNumber, false);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the refused task stays open").isEqualTo(1);

    fixInvalidValue(example, form, caseNumber);
    browser.screenshot("task-filled");
    tasklist.submit(false);
    poll(() -> tasks.createTaskQuery().taskId(task.getId()).count() == 0 ? Boolean.TRUE : null,
        "completion of " + task.getName());
    browser.screenshot("task-completed");
    movedOn(processInstanceId, how.next());
  }

  private Task task(String processInstanceId, String taskKey) {
    List<Task> found = tasks.createTaskQuery().processInstanceIdIn(tree(processInstanceId).toArray(String[]::new))
        .taskDefinitionKey(taskKey).list();
    assertThat(found).as("task " + taskKey + " of the test's instance").isNotEmpty();
    return found.get(0);
  }

  private List<String> candidateGroups(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  // --- the form ----------------------------------------------------------------------------

  /** Fills the valid values with one invalid; its message shows and nothing is submitted. */
  private void showsInvalidValue(FormExample example, CamundaForm form, String caseNumber, boolean start) {
    Map<String, Object> valid = example.valid(caseNumber);
    if (example.invalid() == null) {
      form.editableKeys().stream().filter(valid::containsKey).forEach(key -> form.fill(browser, key, valid.get(key)));
      return;
    }
    String invalidField = example.invalid().field();
    for (String key : form.editableKeys()) {
      if (key.equals(invalidField)) {
        form.fill(browser, key, example.invalidValue(caseNumber));
      } else if (valid.containsKey(key)) {
        form.fill(browser, key, valid.get(key));
      }
    }
    String message = example.invalid().message();
    if (!browser.awaitText(message, Duration.ofSeconds(2))) {
      // Not a rule of the form itself: the server refuses it when submitted.
      assertThat(tasklist.submitEnabled(start)).as("submit enabled although no message '%s' shows", message).isTrue();
      tasklist.submit(start);
      assertThat(browser.awaitText(message, Duration.ofSeconds(10))).as("message '%s' in the page", message).isTrue();
      assertThat(browser.text()).as("the refusal in Chinese alone").doesNotContain("Cannot submit");
    } else {
      assertThat(tasklist.submitEnabled(start)).as("submit disabled while '%s' shows", message).isFalse();
    }
    browser.screenshot("invalid-" + invalidField);
    assertThat(browser.text()).contains(message);
  }

  private void fixInvalidValue(FormExample example, CamundaForm form, String caseNumber) {
    if (example.invalid() == null) {
      return;
    }
    String field = example.invalid().field();
    form.fill(browser, field, example.valid(caseNumber).get(field));
  }

  // --- the process afterwards --------------------------------------------------------------

  /** The expected activities were reached (user tasks exist with their group), or it ended. */
  private void movedOn(String processInstanceId, List<String> next) {
    runJobs(processInstanceId);
    List<String> tree = tree(processInstanceId);
    List<String> active = new ArrayList<>();
    tree.stream().filter(id -> runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0)
        .forEach(id -> active.addAll(runtime.getActiveActivityIds(id)));
    if (next == null || next.isEmpty()) {
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count())
          .as("process ended; still active: %s", active).isZero();
      return;
    }
    for (String key : next) {
      assertThat(tree.stream().mapToLong(id -> history.createHistoricActivityInstanceQuery().processInstanceId(id)
          .activityId(key).count()).sum()).as("%s reached; active: %s", key, active).isPositive();
      for (Task task : tasks.createTaskQuery().processInstanceIdIn(tree.toArray(String[]::new)).taskDefinitionKey(key).list()) {
        List<String> groups = candidateGroups(task.getId());
        if (!groups.isEmpty() || task.getAssignee() == null) {
          assertThat(groups).as("candidate groups of %s", key).isNotEmpty();
          groups.forEach(group -> assertThat(organisation.unit(group)).as("group %s of %s", group, key).isPresent());
        }
      }
    }
  }

  /** Runs the due jobs of the instance and its called instances (the job executor is off in tests). */
  private void runJobs(String processInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = new ArrayList<>();
      for (String id : tree(processInstanceId)) {
        due.addAll(management.createJobQuery().processInstanceId(id).executable().list());
      }
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }

  private List<String> tree(String processInstanceId) {
    List<String> ids = new ArrayList<>(List.of(processInstanceId));
    for (int i = 0; i < ids.size(); i++) {
      runtime.createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()
          .forEach(child -> ids.add(child.getId()));
    }
    return ids;
  }

  // --- fixtures ----------------------------------------------------------------------------

  /** What every case carries from its filing (filing date, kind, parties …), then the use's own. */
  private static Map<String, Object> caseVariables(String caseNumber, FormExample.Use how) {
    Map<String, Object> given = new HashMap<>(FormExample.of("case-filing").valid(caseNumber));
    given.putAll(how.given(caseNumber));
    given.put("caseNumber", caseNumber);
    return given;
  }

  /** Files the case in the registry (data of the case-filing example, overridden by given). */
  private void registerCase(String caseNumber, Map<String, Object> given, String processInstanceId) {
    Map<String, Object> filing = new HashMap<>(FormExample.of("case-filing").valid(caseNumber));
    filing.putAll(given);
    filing.put("caseNumber", caseNumber);
    registry.register(filingValidator.validate(filing::get), processInstanceId);
  }

  private String leader(String group) {
    return organisation.leaderOf(group).orElseThrow(() -> new AssertionError("group " + group + " has no leader"));
  }

  private String staffName(String user) {
    return organisation.person(user).map(Organisation.Staff::name).orElse(user);
  }

  private static <T> T poll(java.util.function.Supplier<T> probe, String what) {
    long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < until) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
