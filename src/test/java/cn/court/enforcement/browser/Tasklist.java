package cn.court.enforcement.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Camunda Tasklist as a member of staff uses it (Chinese labels: the browser is zh-CN). */
public final class Tasklist {

  private static final By COMPLETE = By.xpath("//button[normalize-space(.)='完成']");
  private static final By OPEN_CALENDAR = By.cssSelector(".flatpickr-calendar.open");
  private static final By FORM_HEADING = By.cssSelector(".fjs-form .fjs-form-field-text");
  private static final By START = By.xpath("//div[contains(@class,'modal')]//button[normalize-space(.)='启动']");

  private final Browser browser;
  private final String base;
  private String user;

  public Tasklist(Browser browser, int port) {
    this.browser = browser;
    this.base = "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  public Tasklist login(String user, String password) {
    browser.open(base);
    browser.await(By.cssSelector("input[ng-model='username']")).sendKeys(user);
    browser.await(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    browser.await(By.cssSelector("button[type='submit']")).click();
    browser.await(By.cssSelector("[cam-tasks], .tasks-list, .task-filters"));
    this.user = user;
    return this;
  }

  /** Logs in as the demo user unless already logged in as that user (logins are slow). */
  public Tasklist as(String user) {
    if (!user.equals(this.user)) {
      forget();
      login(user, "demo");
    }
    return this;
  }

  /** Logs out by dropping the session (another webapp logged in with the same browser). */
  public void forget() {
    browser.driver().manage().deleteAllCookies();
    user = null;
  }

  /** Selects a filter in the left column by its (Chinese) name. */
  public void openFilter(String name) {
    browser.await(By.xpath("//*[contains(@class,'task-filters')]//a[contains(normalize-space(.),'" + name + "')]"))
        .click();
  }

  public void openTask(String taskId) {
    browser.open(base + "#/?task=" + taskId);
  }

  /** Opens the task, claims it when nobody has, and waits for its form. */
  public void openAndClaim(String taskId, String taskName) {
    openTask(taskId);
    browser.await(By.xpath("//*[contains(@class,'task-details')]//*[contains(normalize-space(.),'" + taskName + "')]"));
    By claim = By.xpath("//button[normalize-space(.)='认领']");
    browser.await(By.cssSelector(".fjs-container"));
    if (!browser.all(claim).isEmpty() && browser.all(claim).get(0).isDisplayed()) {
      browser.all(claim).get(0).click();
      new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.invisibilityOfElementLocated(claim));
    }
    browser.await(By.cssSelector(".fjs-container"));
  }

  /** Opens 启动流程 and picks the process by its name; its start form opens. */
  public void openStartForm(String processName) {
    openHome();
    browser.await(By.xpath("//a[contains(normalize-space(.),'启动流程')]")).click();
    browser.await(By.xpath("//div[contains(@class,'modal')]//a[normalize-space(.)='" + processName + "']")).click();
    browser.await(By.cssSelector(".modal .fjs-container"));
  }

  public WebElement completeButton() {
    return browser.await(COMPLETE);
  }

  public WebElement startButton() {
    return browser.await(START);
  }

  /** Clicks 完成 (or 启动 in a start form) once form-js has enabled it. */
  public void submit(boolean start) {
    By button = start ? START : COMPLETE;
    // A date picker left open (Tab into a date field opens it) closes on the next click, and the
    // form shrinks under the pointer: the click on 完成 is lost. Close it first, as a clerk would.
    if (!browser.driver().findElements(OPEN_CALENDAR).isEmpty()) {
      browser.click(browser.await(FORM_HEADING));
    }
    browser.click(new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(ExpectedConditions.elementToBeClickable(button)));
  }

  public boolean submitEnabled(boolean start) {
    return browser.await(start ? START : COMPLETE).isEnabled();
  }

  /** The processes 启动流程 offers this user, by name; the dialog is closed again. */
  public List<String> startableProcesses() {
    openHome();
    browser.await(By.xpath("//a[contains(normalize-space(.),'启动流程')]")).click();
    // The list is loaded after the dialog opens; on a busy machine that takes a while.
    awaitAnyShown(By.cssSelector(".modal .available-processes, .modal-body .well"), Duration.ofSeconds(60));
    By offered = By.cssSelector(".modal ul.processes li a");
    List<String> names = browser.all(offered).stream().map(link -> link.getText().trim()).toList();
    browser.driver().findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
    return names;
  }

  /** Types a user id into the open task's assignee field, as Tasklist offers everybody. */
  public void typeAssignee(String userId) {
    browser.click(browser.await(By.cssSelector(".task-card .assignee [cam-widget-inline-field]")));
    WebElement input = browser.await(By.cssSelector(".task-card .assignee input"));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), userId, Keys.ENTER);
  }

  /** Shows the open task's 历史 tab (its user-operation log and comments). */
  public void openHistory() {
    browser.click(browser.await(By.xpath("//*[contains(@class,'task-card')]//a[normalize-space(.)='历史']")));
    awaitAnyShown(By.cssSelector(".task-card .instant, .task-card .well"), Duration.ofSeconds(20));
  }

  /** One of the elements is shown (a comma list: the first found may be a hidden alternative). */
  private void awaitAnyShown(By by, Duration timeout) {
    new WebDriverWait(browser.driver(), timeout)
        .until(d -> d.findElements(by).stream().anyMatch(WebElement::isDisplayed));
  }

  private void openHome() {
    browser.open(base);
    // Seen once on a loaded machine: the page came without its CSP nonce and its scripts never ran.
    if (!browser.awaitText("启动流程", Duration.ofSeconds(10))) {
      browser.open(base);
    }
  }
}
