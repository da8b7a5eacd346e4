package cn.court.enforcement.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.escalation.InAppNotifications;
import cn.court.enforcement.escalation.Notification;
import cn.court.enforcement.support.FormCases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clerk's day in Tasklist, in a Chinese Chromium, as the intake clerk 李林霞 (staff, not a
 * supervisor): the first screen holds her work, most urgent first, each card with its case number
 * and parties; she finds a case by its number; a reminder waits unread in the header and is read
 * by opening it; no stand-alone task is offered to her.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffDailyUseBrowserTest {

  private static final String CLERK = "lilinxia";
  private static final String CLERK_NAME = "李林霞";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired InAppNotifications notifications;

  private Browser browser;
  private Tasklist tasklist;

  @BeforeAll
  void openBrowser() {
    browser = new Browser("staff-daily-use");
    tasklist = new Tasklist(browser, port);
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  /** A case waiting at an intake task, with the parties and amount its filing gives it, due in {@code days}. */
  private Task intakeCase(String caseNumber, String applicant, String respondent, int days) {
    String instance = runtime.createProcessInstanceByKey("enforcement-case").businessKey(caseNumber)
        .setVariable("caseNumber", caseNumber).setVariable("applicantName", applicant)
        .setVariable("respondentName", respondent).setVariable("amountClaimed", 86500.5)
        .setVariable("filingDate", LocalDate.now().toString()).startBeforeActivity("Task_VerifyFilingData").execute().getId();
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    tasks.setDueDate(task.getId(), Date.from(Instant.now().plus(Duration.ofDays(days))));
    return task;
  }

  @AfterEach
  void closeCases() {
    runtime.createProcessInstanceQuery().processDefinitionKey("enforcement-case").list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test", true, true));
  }

  @Test
  void theClerkLandsOnHerWorkWithCaseNumbersAndPartiesAndFindsACaseByItsNumber() {
    browser.folder("staff-daily-use/first-screen");
    String later = FormCases.newCaseNumber();
    String sooner = FormCases.newCaseNumber();
    String other = FormCases.newCaseNumber();
    intakeCase(later, "郑州某贸易有限公司", "张三等2人", 5);
    Task mine = intakeCase(sooner, "王五", "李四", 1);
    tasks.claim(mine.getId(), CLERK);
    intakeCase(other, "赵六", "钱七", 3);

    tasklist.loginPatiently(CLERK, "demo");
    browser.awaitText(later);
    browser.screenshot("first-screen");
    assertThat(tasklist.activeFilter()).isEqualTo("待办事项");
    List<String> cards = tasklist.cards();
    assertThat(cards).as("her claimed task and her group's unclaimed ones, the most urgent first")
        .hasSize(3)
        .satisfiesExactly(
            card -> assertThat(card).contains(sooner, "王五", "李四", "核对立案信息"),
            card -> assertThat(card).contains(other, "赵六", "钱七"),
            card -> assertThat(card).contains(later, "郑州某贸易有限公司", "张三等2人"));
    assertThat(cards.get(0)).contains("案号", "申请执行人", "被执行人", "申请执行标的", "86500.5");

    try {
      tasklist.searchByCaseNumber(other);
    } catch (RuntimeException e) {
      browser.screenshot("search-failed");
      browser.savePage("search-failed");
      throw e;
    }
    browser.screenshot("found-by-case-number");
    assertThat(tasklist.cards()).singleElement().asString().contains(other, "赵六");
  }

  @Test
  void theClerkSeesAnUnreadReminderInTheHeaderAndReadsItByOpeningIt() {
    browser.folder("staff-daily-use/reminder");
    String caseNumber = FormCases.newCaseNumber();
    Task task = intakeCase(caseNumber, "孙八", "周九", 1);
    notifications.send(new Notification(CLERK, "REMINDER", "任务即将到期：核对立案信息",
        caseNumber + " 的「核对立案信息」明天到期。", caseNumber, task.getProcessInstanceId(), task.getId()));

    tasklist.forget();
    tasklist.loginPatiently(CLERK, "demo");
    assertThat(tasklist.unreadReminders(1)).isEqualTo(1);
    browser.screenshot("unread-count");
    tasklist.openReminders();
    browser.awaitText("任务即将到期：核对立案信息");
    browser.screenshot("reminders-open");
    assertThat(browser.text()).contains(caseNumber + " 的「核对立案信息」明天到期。", "未读");

    tasklist.openReminder("任务即将到期：核对立案信息");
    browser.awaitText(caseNumber);
    assertThat(tasklist.unreadReminders(0)).isZero();
    browser.screenshot("reminder-read-task-open");
    assertThat(notifications.unreadCount(CLERK)).as("read on the server").isZero();
    assertThat(notifications.of(CLERK, false, null)).singleElement()
        .satisfies(n -> assertThat(n.readAt()).isNotNull());
    assertThat(tasklist.openedTaskName()).isEqualTo("核对立案信息");
  }

  /**
   * 登记初次接待情况: an unticked risk notice is refused by the form itself, before anything is
   * sent; the server's refusal (a reception date in the future) leaves the last field and 完成 in
   * reach; the date field reads 年/月/日.
   */
  @Test
  void theReceptionFormRefusesAnUntickedRiskNoticeItselfAndTheServersRefusalCoversNothing() {
    browser.folder("staff-daily-use/reception");
    String caseNumber = FormCases.newCaseNumber();
    String instance = runtime.createProcessInstanceByKey("enforcement-case").businessKey(caseNumber)
        .setVariable("caseNumber", caseNumber).setVariable("filingDate", LocalDate.now().toString())
        .startBeforeActivity("Task_RecordReception").execute().getId();
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    CamundaForm form = CamundaForm.read(Path.of("forms", "intake-reception.form"));

    tasklist.forget();
    tasklist.loginPatiently(CLERK, "demo");
    tasklist.openAndClaim(task.getId(), task.getName());
    // 年/月/日 for a Chinese system's date format; this headless Chromium's is American (月/日/年).
    assertThat(tasklist.datePlaceholder("Field_receptionDate")).matches("[年月日]([/.-][年月日]){2}");
    form.fill(browser, "receptionDate", LocalDate.now().plusDays(1).toString());
    form.fill(browser, "respondentSituation", "被执行人有车辆一辆");
    tasklist.submit(false);
    browser.awaitText("此项为必填项。");
    browser.screenshot("risk-notice-unticked");
    assertThat(browser.text()).as("refused in the page, not by the server").doesNotContain("不能晚于今天");

    form.fill(browser, "riskNoticeGiven", true);
    tasklist.submit(false);
    browser.awaitText("接待日期不能晚于今天");
    browser.screenshot("server-refusal");
    assertThat(tasklist.uncovered(tasklist.completeButton())).as("完成 in reach beside the refusal").isTrue();
    assertThat(tasklist.uncovered(tasklist.formLabel("已向申请执行人告知执行风险"))).as("the last field too").isTrue();
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();

    form.fill(browser, "receptionDate", LocalDate.now().toString());
    tasklist.submit(false);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
        .until(d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
    browser.screenshot("completed");
  }

  @Test
  void staffAreNotOfferedAStandAloneTaskAndTheAdministratorIsNamedInChinese() {
    browser.folder("staff-daily-use/create-task");
    tasklist.forget();
    tasklist.loginPatiently(CLERK, "demo");
    browser.awaitText(CLERK_NAME);
    browser.screenshot("staff-header");
    assertThat(tasklist.offersCreateTask()).isFalse();

    tasklist.forget();
    tasklist.loginPatiently("admin", "demo");
    browser.awaitText("系统管理员");
    browser.screenshot("admin-header");
    assertThat(tasklist.offersCreateTask()).isTrue();
    assertThat(tasklist.headerUserName()).isEqualTo("系统管理员");
    assertThat(identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).singleResult().getName()).isEqualTo("系统管理员");
    tasklist.forget();
  }
}
