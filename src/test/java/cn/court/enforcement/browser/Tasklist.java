package cn.court.enforcement.browser;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
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

  private static final By USERNAME = By.cssSelector("input[ng-model='username']");
  private static final By LOGGED_IN = By.cssSelector("[cam-tasks], .tasks-list, .task-filters");

  private final Browser browser;
  private final String base;
  private String user;
  /** The session cookies of each user logged in by {@link #as}. */
  private final Map<String, Set<Cookie>> sessions = new HashMap<>();

  public Tasklist(Browser browser, int port) {
    this.browser = browser;
    this.base = "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  public Tasklist login(String user, String password) {
    browser.open(base);
    browser.await(USERNAME).sendKeys(user);
    browser.await(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    browser.await(By.cssSelector("button[type='submit']")).click();
    browser.await(LOGGED_IN);
    this.user = user;
    return this;
  }

  /**
   * Acts as the demo user: logs in the first time, and later takes up that user's session again
   * (its cookies), as a clerk at their own PC does; the webapp still loads anew. Logins are slow,
   * and a test that goes through every form switches user at nearly every step.
   */
  public Tasklist as(String user) {
    if (user.equals(this.user)) {
      return this;
    }
    forget();
    Set<Cookie> session = sessions.get(user);
    if (session != null) {
      session.forEach(browser.driver().manage()::addCookie);
      browser.open(base);
      new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
          .until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(LOGGED_IN),
              ExpectedConditions.visibilityOfElementLocated(USERNAME)));
      if (browser.all(LOGGED_IN).isEmpty()) { // the session ended meanwhile
        forget();
        session = null;
      }
    }
    if (session == null) {
      login(user, "demo");
      sessions.put(user, browser.driver().manage().getCookies());
    }
    this.user = user;
    return this;
  }

  /** Logs out by dropping the session (another webapp logged in with the same browser). */
  public void forget() {
    browser.driver().manage().deleteAllCookies();
    user = null;
  }

  /** Leaves Tasklist, so a dialog a failed step left open cannot cover the next step's page. */
  public void leave() {
    forget();
    browser.driver().navigate().refresh();
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
    By form = By.cssSelector(".modal .fjs-container");
    By process = By.xpath("//div[contains(@class,'modal')]//a[normalize-space(.)='" + processName + "']");
    // On a loaded machine (CI) a pointer click on the process was seen to land on the list item
    // while the dialog still faded in and re-rendered the list, and to get no form; the link is
    // clicked through the DOM, and when no form comes the dialog is opened again, as a clerk would.
    for (int attempt = 1; ; attempt++) {
      openHome();
      browser.click(browser.await(By.xpath("//a[contains(normalize-space(.),'启动流程')]")));
      try {
        browser.driver().executeScript("arguments[0].click()", browser.await(process));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
            .until(ExpectedConditions.visibilityOfElementLocated(form));
        return;
      } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt == 2) {
          throw e;
        }
      }
    }
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
    // Tasklist re-renders the card while it loads: an element found may be gone when asked.
    new WebDriverWait(browser.driver(), timeout).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElements(by).stream().anyMatch(WebElement::isDisplayed));
  }

  private void openHome() {
    browser.open(base);
    // Seen once on a loaded machine: the page came without its CSP nonce and its scripts never ran.
    if (!browser.awaitText("启动流程", Duration.ofSeconds(10))) {
      browser.open(base);
    }
  }

  // --- a clerk's daily use (StaffDailyUseBrowserTest) ---------------------------------------

  private static final By CARDS = By.cssSelector(".tasks-list li.task");

  /**
   * Logs in; when the page never shows its login form (on a loaded machine the webapp's scripts
   * can time out loading, or come without their CSP nonce), loads it again, as a person presses F5.
   */
  public Tasklist loginPatiently(String user, String password) {
    for (int attempt = 1; ; attempt++) {
      try {
        return login(user, password);
      } catch (org.openqa.selenium.TimeoutException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** The placeholder of a form's date field, by its component id. */
  public String datePlaceholder(String componentId) {
    return browser.awaitPresent(By.cssSelector("input[id$='-" + componentId + "-date']")).getAttribute("placeholder");
  }

  /** True when a click at the middle of the element, scrolled into view, reaches it, not a notice over it. */
  public boolean uncovered(WebElement element) {
    browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    return (Boolean) browser.driver().executeScript("const r = arguments[0].getBoundingClientRect();"
        + "const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
        + "return top === arguments[0] || arguments[0].contains(top);", element);
  }

  /** The label of a form field, by the label's text. */
  public WebElement formLabel(String text) {
    return browser.await(By.xpath("//*[contains(@class,'fjs-form-field')]//label[contains(normalize-space(.),'" + text + "')]"));
  }

  /** The name of the selected filter, without its counter. */
  public String activeFilter() {
    WebElement name = browser.await(By.cssSelector(".task-filter.active h4.name a"));
    return name.getText().replaceAll("\\s*\\d+$", "").trim();
  }

  /** The texts of the task cards of the list, top to bottom. */
  public java.util.List<String> cards() {
    browser.await(CARDS);
    return browser.all(CARDS).stream().map(WebElement::getText).toList();
  }

  /** Searches the list by 流程实例案号 (the business key, the case number), as typed in the search field. */
  public void searchByCaseNumber(String caseNumber) {
    WebElement field = browser.await(By.cssSelector(".search-field input.main-field"));
    field.click();
    field.sendKeys("案号");
    browser.await(By.xpath("//*[contains(@class,'search-field')]//ul[contains(@class,'dropdown-menu')]"
        + "//a[contains(normalize-space(.),'流程实例案号')]")).click();
    // The pill opens its value field for editing; type into that input, not whatever has focus
    // (the focus moves there a moment after the pill is drawn).
    WebElement value = browser.await(By.cssSelector(".search-field .value-field.inline-editing input"));
    value.click();
    value.sendKeys(caseNumber, org.openqa.selenium.Keys.ENTER);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> {
      java.util.List<WebElement> cards = d.findElements(CARDS);
      return cards.size() == 1 && cards.get(0).getText().contains(caseNumber);
    });
  }

  /**
   * The unread count beside 提醒 in the header once it is {@code expected}, or the count shown
   * after 10 s (the header asks the server after login and after each reading).
   */
  public int unreadReminders(int expected) {
    By loaded = By.cssSelector(".court-reminders-toggle[data-unread]");
    browser.awaitPresent(loaded);
    try {
      new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
          .until(d -> String.valueOf(expected).equals(d.findElement(loaded).getAttribute("data-unread")));
    } catch (org.openqa.selenium.TimeoutException e) {
      // the assertion shows the count seen
    }
    WebElement badge = browser.driver().findElement(By.cssSelector(".court-reminders-unread"));
    String shown = badge.isDisplayed() ? badge.getText().trim() : "";
    return shown.isEmpty() ? 0 : Integer.parseInt(shown);
  }

  public void openReminders() {
    browser.click(browser.await(By.cssSelector(".court-reminders-toggle")));
    browser.await(By.cssSelector(".court-reminders-panel"));
  }

  /** Opens a reminder of the open 提醒 panel by its title; it is marked read and its task opens. */
  public void openReminder(String title) {
    browser.click(browser.await(By.xpath("//*[contains(@class,'court-reminders-panel')]"
        + "//a[contains(@class,'court-reminder')][.//*[normalize-space(.)='" + title + "']]")));
  }

  /** The name of the task open on the right. */
  public String openedTaskName() {
    return browser.await(By.cssSelector(".task-details h2.task")).getText().trim();
  }

  public boolean offersCreateTask() {
    browser.awaitPresent(By.cssSelector(".create-task-action"));
    return browser.all(By.cssSelector(".create-task-action")).stream().anyMatch(WebElement::isDisplayed);
  }

  /** The name in the header's account menu. */
  public String headerUserName() {
    return browser.await(By.cssSelector("li.account > a.dropdown-toggle")).getText().trim();
  }
}
