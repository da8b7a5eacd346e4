package cn.court.enforcement.browser;

import org.openqa.selenium.By;

/** Camunda Tasklist as a member of staff uses it. */
public final class Tasklist {

  private final Browser browser;
  private final String base;

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
    return this;
  }

  /** Selects a filter in the left column by its (Chinese) name. */
  public void openFilter(String name) {
    browser.await(By.xpath("//*[contains(@class,'task-filters')]//a[contains(normalize-space(.),'" + name + "')]"))
        .click();
  }

  public void openTask(String taskId) {
    browser.open(base + "#/?task=" + taskId);
  }
}
