package cn.court.enforcement.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.support.FormCases;
import cn.court.enforcement.support.FormExample;
import cn.court.enforcement.support.FormUse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import org.springframework.context.ApplicationContext;

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

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired Organisation organisation;
  @Autowired ApplicationContext context;

  private FormCases cases;
  private Browser browser;
  private Tasklist tasklist;

  @BeforeAll
  void openBrowser() {
    cases = new FormCases(context);
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
    String caseNumber = FormCases.newCaseNumber();
    String processInstanceId = runtime.createProcessInstanceByKey("enforcement-case").businessKey(caseNumber)
        .setVariable("caseNumber", caseNumber).setVariable("filingDate", LocalDate.now().toString())
        .startBeforeActivity("Task_VerifyFilingData").execute().getId();
    Task task = cases.task(processInstanceId, "Task_VerifyFilingData");

    tasklist.as(cases.leader("intake"));
    tasklist.openFilter("本组待办");
    browser.awaitText(task.getName());
    browser.screenshot("member-group-filter");
    assertThat(browser.text()).contains(staffName(cases.leader("intake")), task.getName());

    String outsider = cases.leader("finance");
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
    String caseNumber = FormCases.newCaseNumber();
    ProcessInstance instance = runtime.createProcessInstanceByKey("enforcement-case").businessKey(caseNumber)
        .setVariable("caseNumber", caseNumber).setVariable("filingDate", LocalDate.now().toString())
        .startBeforeActivity("Task_RegisterAndServeDocuments").execute();
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
    String caseNumber = FormCases.newCaseNumber();
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
      tasklist.leave();
      throw e;
    }
  }

  // --- start forms -----------------------------------------------------------------------

  private void startThroughForm(FormUse use, FormExample example, FormExample.Use how, CamundaForm form,
      String caseNumber) {
    String user = cases.prepareStart(use, how, caseNumber);
    tasklist.as(user);
    tasklist.openStartForm(use.process().getName());
    browser.screenshot("start-form-opened");
    assertThat(browser.text()).contains(use.process().getName(), staffName(user));

    showsInvalidValue(example, how, form, caseNumber, true);
    assertThat(instanceOfCase(use, caseNumber)).as("a refused start form starts nothing").isNull();

    fixInvalidValue(example, how, form, caseNumber);
    browser.screenshot("start-form-filled");
    tasklist.submit(true);
    HistoricProcessInstance instance = poll(() -> instanceOfCase(use, caseNumber), "instance of " + caseNumber);
    browser.screenshot("started");
    movedOn(instance.getId(), how.next());
  }

  /** In history, so a process that ends at once (handler-change) is found too. */
  private HistoricProcessInstance instanceOfCase(FormUse use, String caseNumber) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(use.process().getKey())
        .processInstanceBusinessKey(caseNumber).singleResult();
  }

  // --- user task forms -------------------------------------------------------------------

  private void completeTask(FormUse use, FormExample example, FormExample.Use how, CamundaForm form,
      String caseNumber) {
    FormCases.Reached reached = cases.reachTask(use, how, caseNumber);
    String processInstanceId = reached.processInstanceId();
    Task task = reached.task();
    String user = reached.user();
    for (String variable : form.optionVariables()) {
      form.options(variable, String.valueOf(tasks.getVariable(task.getId(), variable)));
    }

    tasklist.as(user);
    tasklist.openAndClaim(task.getId(), task.getName());
    browser.screenshot("task-opened");
    assertThat(browser.text()).contains(task.getName(), use.process().getName(), staffName(user));

    showsInvalidValue(example, how, form, caseNumber, false);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the refused task stays open").isEqualTo(1);

    fixInvalidValue(example, how, form, caseNumber);
    browser.screenshot("task-filled");
    tasklist.submit(false);
    poll(() -> tasks.createTaskQuery().taskId(task.getId()).count() == 0 ? Boolean.TRUE : null,
        "completion of " + task.getName());
    browser.screenshot("task-completed");
    movedOn(processInstanceId, how.next());
  }

  // --- the form ----------------------------------------------------------------------------

  /** Fills the valid values with one invalid; its message shows and nothing is submitted. */
  private void showsInvalidValue(FormExample example, FormExample.Use how, CamundaForm form, String caseNumber,
      boolean start) {
    Map<String, Object> valid = example.valid(how, caseNumber);
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
    if (form.refusesInForm(invalidField, example.invalidValue(caseNumber))) {
      assertThat(browser.awaitText(message, Duration.ofSeconds(10))).as("form's message '%s' in the page", message).isTrue();
      assertThat(tasklist.submitEnabled(start)).as("submit disabled while '%s' shows", message).isFalse();
    } else {
      // Not a rule of the form itself: the server refuses it when submitted.
      assertThat(tasklist.submitEnabled(start)).as("submit enabled although the form has no rule against it").isTrue();
      tasklist.submit(start);
      assertThat(browser.awaitText(message, Duration.ofSeconds(10))).as("message '%s' in the page", message).isTrue();
      assertThat(browser.text()).as("the refusal in Chinese alone").doesNotContain("Cannot submit");
    }
    browser.screenshot("invalid-" + invalidField);
    assertThat(browser.text()).contains(message);
  }

  private void fixInvalidValue(FormExample example, FormExample.Use how, CamundaForm form, String caseNumber) {
    if (example.invalid() == null) {
      return;
    }
    String field = example.invalid().field();
    form.fill(browser, field, example.valid(how, caseNumber).get(field));
  }

  // --- the process afterwards --------------------------------------------------------------

  /** The expected activities were reached (user tasks exist with their group), or it ended. */
  private void movedOn(String processInstanceId, List<String> next) {
    cases.runJobs(processInstanceId);
    List<String> tree = cases.tree(processInstanceId);
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
        List<String> groups = cases.candidateGroups(task.getId());
        if (!groups.isEmpty() || task.getAssignee() == null) {
          assertThat(groups).as("candidate groups of %s", key).isNotEmpty();
          groups.forEach(group -> assertThat(organisation.unit(group)).as("group %s of %s", group, key).isPresent());
        }
      }
    }
  }

  // --- fixtures ----------------------------------------------------------------------------

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
