package cn.court.enforcement.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.support.FormCases;
import cn.court.enforcement.support.FormExample;
import cn.court.enforcement.support.FormSubmissions;
import cn.court.enforcement.support.FormUse;
import cn.court.enforcement.support.StaffClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * In a real browser: a bureau leader moves a case's task to another member of its group with
 * 改派任务 and finds the reason in the task's 历史 and on the case in Cockpit; Tasklist's own
 * assignee field, which records no reason, is refused with the way to do it. A member of staff
 * is not offered 改派任务 and cannot reassign over REST either.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReassignBrowserTest {

  private static final String REASON = "丁一病假两周，本案执行工作由程鑫锋接办";
  private static final String REFUSAL = "不能在此直接更改任务的办理人或候选人：改派任务须由执行局领导在「启动流程 → 改派任务」中填写理由办理";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ApplicationContext context;

  private FormCases cases;

  @BeforeAll
  void prepare() {
    cases = new FormCases(context);
  }

  @Test
  void aBureauLeaderReassignsATaskInTasklistAndTheReasonIsInHistory() {
    String caseNumber = FormCases.newCaseNumber();
    Task task = quickCaseTask(caseNumber);
    try (Browser browser = new Browser("reassign/bureau-leader")) {
      onFailure(browser, () -> leaderReassigns(browser, task, caseNumber));
    }
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .variableName("taskReassignments").singleResult().getValue().toString()).contains(REASON, "局长（演示）", "程鑫锋");
  }

  private void leaderReassigns(Browser browser, Task task, String caseNumber) {
    Tasklist tasklist = logIn(browser, "juzhang");
    assertThat(tasklist.startableProcesses()).contains("改派任务", "变更承办人");

    tasklist.openFilter("全部在办");
    browser.awaitText(caseNumber);
    browser.screenshot("all-open-tasks");

    tasklist.openTask(task.getId());
    browser.awaitText("丁一");
    tasklist.typeAssignee("chengxinfeng");
    browser.awaitText(REFUSAL);
    browser.screenshot("assignee-field-refused");
    assertThat(assignee(task)).isEqualTo("dingyi");

    tasklist.openStartForm("改派任务");
    CamundaForm form = CamundaForm.read(Path.of("forms", "task-reassignment.form"));
    form.fill(browser, "caseNumber", caseNumber);
    form.fill(browser, "taskToReassign", "办理快执案件");
    form.fill(browser, "newAssignee", "程鑫锋");
    form.fill(browser, "reassignReason", REASON);
    browser.screenshot("reassignment-form");
    tasklist.submit(true);
    poll(() -> "chengxinfeng".equals(assignee(task)), "the task reassigned");

    tasklist.openTask(task.getId());
    tasklist.openHistory();
    browser.awaitText(REASON);
    browser.screenshot("task-history");
    assertThat(browser.text()).contains("【改派】由丁一改派给程鑫锋。理由：" + REASON, "juzhang");

    String caseInstance = task.getProcessInstanceId();
    tasklist.forget();
    Cockpit cockpit = new Cockpit(browser, port);
    cockpit.login("juzhang", "demo");
    cockpit.searchByBusinessKey(task.getProcessDefinitionId(), caseNumber);
    cockpit.openInstanceListed(caseInstance);
    browser.click(browser.await(By.xpath("//a[normalize-space(.)='变量']")));
    WebElement log = browser.await(By.xpath("//tr[td[normalize-space(.)='taskReassignments']]"));
    browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", log);
    browser.screenshot("case-variables-in-cockpit");
    assertThat(log.getText()).contains("Json", "办理快执案件");
  }

  @Test
  void aStaffUserCannotReassignNeitherInTasklistNorOverRest() {
    String caseNumber = FormCases.newCaseNumber();
    Task task = quickCaseTask(caseNumber);
    try (Browser browser = new Browser("reassign/staff")) {
      onFailure(browser, () -> {
        Tasklist tasklist = logIn(browser, "dingyi");
        assertThat(tasklist.startableProcesses()).isNotEmpty().doesNotContain("改派任务");

        tasklist.openTask(task.getId());
        browser.awaitText("丁一");
        tasklist.typeAssignee("chengxinfeng");
        browser.awaitText(REFUSAL);
        browser.screenshot("assignee-field-refused");
      });
    }

    StaffClient handler = StaffClient.rest(port, "dingyi", "demo");
    String taskPath = "/engine-rest/task/" + task.getId();
    assertRefused(handler.post(taskPath + "/assignee", "{\"userId\":\"chengxinfeng\"}"), REFUSAL);
    assertRefused(handler.post(taskPath + "/delegate", "{\"userId\":\"chengxinfeng\"}"), REFUSAL);
    assertRefused(handler.post(taskPath + "/identity-links", "{\"userId\":\"chengxinfeng\",\"type\":\"assignee\"}"), REFUSAL);
    assertRefused(handler.post(taskPath + "/identity-links", "{\"userId\":\"dingyi\",\"type\":\"candidate\"}"), REFUSAL);
    assertRefused(handler.post(taskPath + "/identity-links/delete", "{\"groupId\":\"quick-team\",\"type\":\"candidate\"}"),
        REFUSAL);
    assertRefused(handler.put(taskPath, "{\"name\":\"办理快执案件\",\"assignee\":\"chengxinfeng\"}"), "您无权执行此操作。");
    // The team's leader in Tasklist's own API fares no better, and may not start 改派任务.
    StaffClient leader = StaffClient.webapp(port, "tasklist", "yangguoping", "demo");
    assertRefused(leader.post("/camunda/api/engine/engine/default/task/" + task.getId() + "/assignee",
        "{\"userId\":\"chengxinfeng\"}"), REFUSAL);
    String start = "/process-definition/key/task-reassignment/submit-form";
    String form = FormSubmissions.variables(Map.of("caseNumber", caseNumber, "taskToReassign", "办理快执案件",
        "newAssignee", "程鑫锋", "reassignReason", "自行改派"));
    assertRefused(handler.post("/engine-rest" + start, form), "您无权执行此操作。");
    assertRefused(leader.post("/camunda/api/engine/engine/default" + start, form), "您无权执行此操作。");

    assertThat(assignee(task)).isEqualTo("dingyi");
    assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).contains("quick-team");
    assertThat(tasks.getTaskComments(task.getId())).isEmpty();
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("task-reassignment")
        .processInstanceBusinessKey(caseNumber).count()).isZero();
    // What is theirs stays theirs: giving the task back and claiming it for oneself.
    assertThat(handler.post(taskPath + "/unclaim", "").statusCode()).isEqualTo(204);
    assertThat(handler.post(taskPath + "/claim", "{\"userId\":\"dingyi\"}").statusCode()).isEqualTo(204);
  }

  /** On a busy machine the cold application's first page can miss require.js's load timeout: once more. */
  private Tasklist logIn(Browser browser, String user) {
    try {
      return new Tasklist(browser, port).login(user, "demo");
    } catch (TimeoutException firstPageTooSlow) {
      return new Tasklist(browser, port).login(user, "demo");
    }
  }

  /** A quick case at 办理快执案件, held by its handler 丁一, as the form's example prepares it. */
  private Task quickCaseTask(String caseNumber) {
    FormUse use = FormUse.deployed(repository).stream()
        .filter(candidate -> candidate.activityId().equals("StartEvent_ReassignmentRequested")).findFirst().orElseThrow();
    cases.prepareStart(use, FormExample.of(use.formId()).use(use), caseNumber);
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_HandleQuickCase")
        .singleResult();
    assertThat(task.getAssignee()).isEqualTo("dingyi");
    return task;
  }

  private String assignee(Task task) {
    return tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
  }

  private static void assertRefused(HttpResponse<String> answer, String message) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    try {
      assertThat(JSON.readTree(answer.body()).path("message").asText()).startsWith(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps the page and a screenshot of a failed step (target/browser/reassign/…). */
  private static void onFailure(Browser browser, Runnable steps) {
    try {
      steps.run();
    } catch (RuntimeException | AssertionError e) {
      browser.screenshot("failed");
      browser.savePage("failed");
      throw e;
    }
  }

  private static void poll(java.util.function.BooleanSupplier done, String what) {
    long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
