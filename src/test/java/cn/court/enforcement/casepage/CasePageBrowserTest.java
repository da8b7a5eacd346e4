package cn.court.enforcement.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.browser.Browser;
import cn.court.enforcement.browser.Tasklist;
import cn.court.enforcement.calendar.CaseClock;
import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.demo.CaseWalker;
import cn.court.enforcement.organisation.Organisation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real Chinese Chromium: the case's handler, logged in to Tasklist, opens the case page, enters
 * the case number and sees the parties, the team's current task with its handler, the property,
 * the measures, the clock and the triage table's decision with its version (a supervisor also the Cockpit links); a member of another team, also logged in, sees only the refusal; a
 * browser without a session is asked to log in. Screenshots under target/browser/case-page*.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CasePageBrowserTest {

  @LocalServerPort int port;
  @Autowired CaseWalker walker;
  @Autowired CaseRegistry registry;
  @Autowired CaseClock clock;
  @Autowired Organisation organisation;

  private String page() {
    return "http://localhost:" + port + "/court/case.html";
  }

  @Test
  void theTeamSeesItsCaseAndAnOutsiderIsRefused() {
    TeamCase teamCase = TeamCase.walk(walker, registry, clock);
    String handlerName = organisation.person(teamCase.handler()).orElseThrow().name();
    String teamName = organisation.unit(teamCase.team()).orElseThrow().name();

    try (Browser browser = new Browser("case-page")) {
      new Tasklist(browser, port).login(teamCase.handler(), "demo");
      browser.open(page());
      browser.awaitText("请输入案号");
      WebElement number = browser.await(By.id("case-number"));
      number.sendKeys(teamCase.caseNumber());
      browser.screenshot("case-number-entered");
      browser.click(browser.await(By.cssSelector("#case-search button")));
      browser.await(By.id("case-content"));
      browser.awaitText(teamCase.respondent());
      browser.screenshot("case-page");
      for (String section : List.of("case-decisions", "case-clock", "case-measures", "case-circulation")) {
        browser.driver().executeScript("arguments[0].scrollIntoView()", browser.await(By.id(section)));
        browser.screenshot(section);
      }
      String text = browser.text();
      assertThat(text).contains("案号：" + teamCase.caseNumber(), "申请执行人", teamCase.applicant(), "被执行人",
          teamCase.respondent(), "执行案件办理（进行中）", teamName, handlerName, "银行存款", TeamCase.VEHICLE.holder(),
          "查封", "谈话（被执行人）", TeamCase.RESPONDENT_INTERVIEW, "公告", "30 日", "执行期限届满日",
          clock.deadline(teamCase.caseNumber()).toString(), "登记", "信息核对初次接待");
      assertThat(browser.await(By.id("case-decisions")).getText()).as("the triage table's suggestion and its version")
          .contains("繁简分流建议", "triage 第 1 版", "建议分流方式：普通案件，随机分配普执团队", "以上均不符合");
      WebElement mainTasks = browser.all(By.cssSelector("#case-processes table")).get(0);
      assertThat(mainTasks.getText()).contains(teamName, handlerName);
      assertThat(text).as("staff have no Cockpit").doesNotContain("在 Cockpit 中查看");

      // A supervisor, who works in Cockpit too, gets the links to the running instances.
      new Tasklist(browser, port).as("wanghui");
      browser.open(page() + "?caseNumber=" + URLEncoder.encode(teamCase.caseNumber(), StandardCharsets.UTF_8));
      browser.awaitText(teamCase.respondent());
      browser.screenshot("supervisor");
      assertThat(browser.await(By.linkText("在 Cockpit 中查看")).getAttribute("href"))
          .contains("/camunda/app/cockpit/default/#/process-instance/").endsWith("/runtime");
    }

    try (Browser browser = new Browser("case-page-outsider")) {
      new Tasklist(browser, port).login(teamCase.outsider(), "demo");
      browser.open(page() + "?caseNumber=" + URLEncoder.encode(teamCase.caseNumber(), StandardCharsets.UTF_8));
      browser.awaitText("只有本案的办案人员和监督部门可以查看案件");
      browser.screenshot("refused");
      assertThat(browser.await(By.id("case-status")).getText())
          .isEqualTo("只有本案的办案人员和监督部门可以查看案件 " + teamCase.caseNumber() + "。");
      assertThat(browser.text()).doesNotContain(teamCase.respondent(), teamCase.applicant(), "银行存款");
      assertThat(browser.await(By.id("case-number")).getAttribute("value")).isEqualTo(teamCase.caseNumber());
    }

    try (Browser browser = new Browser("case-page-no-login")) {
      browser.open(page() + "?caseNumber=" + URLEncoder.encode(teamCase.caseNumber(), StandardCharsets.UTF_8));
      browser.awaitText("请先登录");
      browser.screenshot("login-first");
      assertThat(browser.await(By.linkText("登录任务列表")).getAttribute("href")).endsWith("/camunda/app/tasklist/");
      assertThat(browser.text()).doesNotContain(teamCase.respondent());
    }
  }
}
