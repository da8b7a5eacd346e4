package cn.court.enforcement.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Camunda Cockpit as a supervisor uses it: find a case by its number, look at its diagram. */
final class Cockpit {

  private final Browser browser;
  private final String base;

  Cockpit(Browser browser, int port) {
    this.browser = browser;
    this.base = "http://localhost:" + port + "/camunda/app/cockpit/default/";
  }

  void login(String user, String password) {
    browser.open(base);
    browser.await(By.cssSelector("input[ng-model='username']")).sendKeys(user);
    browser.await(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    browser.await(By.cssSelector("button[type='submit']")).click();
    browser.await(By.cssSelector(".dashboard, [cam-dashboard], .processes-dashboard, .dashboard-view"));
  }

  /** The definition's running instances, filtered by business key (案号) as the search box does. */
  void searchByBusinessKey(String processDefinitionId, String businessKey) {
    String query = "[{\"type\":\"PIbusinessKey\",\"operator\":\"eq\",\"value\":\"" + businessKey + "\"}]";
    browser.open(base + "#/process-definition/" + processDefinitionId + "/runtime?searchQuery="
        + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"));
    browser.awaitText(businessKey);
  }

  void openInstanceListed(String processInstanceId) {
    browser.click(browser.await(By.xpath("//a[contains(@href,'process-instance/" + processInstanceId + "')]")));
    browser.await(By.cssSelector(".djs-container svg"));
    browser.await(By.cssSelector(".djs-overlays .badge"));
  }

  /** The name the diagram shows on an element. */
  String label(String elementId) {
    return browser.await(By.cssSelector("g[data-element-id='" + elementId + "'] text"))
        .getAttribute("textContent").replaceAll("\\s+", "");
  }

  /** Ids of the diagram elements Cockpit marks with a running-instance badge. */
  List<String> runningActivities() {
    List<WebElement> overlays = browser.all(By.xpath("//*[contains(@class,'djs-overlays')][.//*[contains(@class,'badge') and not(contains(@class,'badge-incident'))]]"));
    return overlays.stream().map(overlay -> overlay.getAttribute("data-container-id")).distinct().toList();
  }
}
