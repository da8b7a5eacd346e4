package cn.court.enforcement.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.casefile.PartyVariables;
import cn.court.enforcement.demo.CaseWalker;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.support.FormCases;
import cn.court.enforcement.support.FormExample;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoAlertPresentException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Script stored in a case's text fields (party names, legal representative, address, property
 * clues) is shown as text and never runs, in a real Chromium, for everyone who sees it: the
 * filing verifier's task and form in Tasklist, the instance's variables in Cockpit, and the case
 * page, the acceptance notice and the supervision page. Tasklist and Cockpit are AngularJS apps,
 * so template injection ({{…}}) is among the payloads. Screenshots under target/browser/stored-script/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoredScriptBrowserTest {

  static final String SCRIPT = "<script>window.__xss=1</script>";
  static final String IMG = "<img src=x onerror=\"window.__xss=1\">";
  static final String SVG = "\"><svg onload=window.__xss=1>";
  static final String JS_URL = "javascript:window.__xss=1";
  static final String ANGULAR = "{{constructor.constructor('window.__xss=1')()}}";
  static final List<String> PAYLOADS = List.of(SCRIPT, IMG, SVG, JS_URL, ANGULAR);

  @LocalServerPort int port;
  @Autowired CaseWalker walker;
  @Autowired ProcessEngine engine;
  @Autowired Organisation organisation;

  @Test
  void scriptStoredInACaseIsShownAsTextAndNeverRuns() {
    String caseNumber = FormCases.newCaseNumber();
    String instance = walker.file(hostileFiling(caseNumber), 0).getId();
    Task verify = engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("Task_VerifyFilingData").singleResult();
    String verifier = organisation.leaderOf(candidateGroup(verify)).orElseThrow();
    String number = URLEncoder.encode(caseNumber, StandardCharsets.UTF_8);

    try (Browser browser = new Browser("stored-script")) {
      Tasklist tasklist = new Tasklist(browser, port).login(verifier, "demo");
      tasklist.openAndClaim(verify.getId(), verify.getName());
      browser.awaitText(caseNumber);
      // form-js shows the parties in a readonly textarea: the payloads are its value, as typed.
      String form = (String) browser.driver().executeScript(
          "return Array.from(document.querySelectorAll('.fjs-container textarea, .fjs-container input'))"
          + ".map(function (e) { return e.value; }).join('\\n')");
      assertThat(form).as("the form's fields").contains(SCRIPT, IMG, ANGULAR);
      inert(browser, "tasklist-task-form");
      tasklist.searchByCaseNumber(caseNumber);
      inert(browser, "tasklist-task-card");

      new Tasklist(browser, port).as("wanghui");
      browser.open("http://localhost:" + port + "/court/case.html?caseNumber=" + number);
      browser.awaitText(SCRIPT);
      assertThat(browser.text()).as("the case page").contains(SCRIPT, IMG, SVG, ANGULAR);
      inert(browser, "case-page");

      browser.open("http://localhost:" + port + "/court/supervision.html");
      browser.awaitText("监督");
      inert(browser, "supervision");

      new Tasklist(browser, port).as(walker.member("filing", 0).id());
      browser.open("http://localhost:" + port + "/court/acceptance-notice.html?caseNumber=" + number);
      browser.awaitText(SCRIPT);
      assertThat(browser.text()).as("the acceptance notice").contains(SCRIPT, ANGULAR);
      inert(browser, "acceptance-notice");

      Cockpit cockpit = new Cockpit(browser, port);
      browser.driver().manage().deleteAllCookies();
      cockpit.login("wanghui", "demo");
      browser.open("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/" + instance
          + "/runtime?tab=variables-tab");
      assertThat(browser.awaitText("partiesText", Duration.ofSeconds(30))).as("Cockpit's variables").isTrue();
      browser.awaitText(caseNumber);
      assertThat(browser.text()).as("Cockpit's variables").contains(SCRIPT, ANGULAR);
      inert(browser, "cockpit-variables");
    }
  }

  /** The case-filing example with a payload in every text of its parties and its property clues. */
  private static Map<String, Object> hostileFiling(String caseNumber) {
    Map<String, Object> filing = new HashMap<>(FormExample.of("case-filing").valid(caseNumber));
    party(filing, "applicant1", Map.of("name", SCRIPT, "legalRepresentative", JS_URL, "address", SVG));
    party(filing, "applicant2", Map.of("name", ANGULAR));
    party(filing, "respondent1", Map.of("name", IMG, "address", ANGULAR));
    filing.put("propertyClues", String.join("\n", PAYLOADS));
    filing.replaceAll((key, value) -> value instanceof Map<?, ?> ? PartyVariables.json(value) : value);
    return filing;
  }

  private static void party(Map<String, Object> filing, String slot, Map<String, String> texts) {
    Map<String, Object> party = new LinkedHashMap<>();
    ((Map<?, ?>) filing.get(slot)).forEach((key, value) -> party.put(String.valueOf(key), value));
    party.putAll(texts);
    filing.put(slot, party);
  }

  private String candidateGroup(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElseThrow();
  }

  /** No payload ran (window.__xss stays undefined) and no dialog is open; a screenshot of the page. */
  private static void inert(Browser browser, String step) {
    assertThatThrownBy(() -> browser.driver().switchTo().alert()).as("a dialog on %s", step)
        .isInstanceOf(NoAlertPresentException.class);
    assertThat(browser.driver().executeScript("return typeof window.__xss")).as("window.__xss on %s", step)
        .isEqualTo("undefined");
    browser.screenshot(step);
  }
}
