package cn.court.enforcement.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.browser.Browser;
import cn.court.enforcement.browser.Tasklist;
import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.support.StaffClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In a real Chinese Chromium: the filing clerk opens the printable acceptance notice and reads the
 * query code once; the applicant, on a phone and without login, sees the case with it, gets the same
 * answer for a wrong code as for an unknown case, and is refused after repeated failures. The
 * disclosure unit replaces a lost code, and issues a first one for a case filed before codes existed.
 * Each browser sends its own client address (X-Forwarded-For, as the reverse proxy on this host
 * would), so the throttle's count is this test's alone. Screenshots under target/browser/disclosure*.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisclosureBrowserTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CaseRegistry registry;
  @Autowired JdbcTemplate jdbc;

  private String url(String page, String caseNumber) {
    return "http://localhost:" + port + page + "?caseNumber=" + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8);
  }

  /** A phone's screen (390×844 CSS pixels, as an iPhone 13), and the client address the application sees. */
  private static void phone(Browser browser, String address) {
    browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    from(browser, address);
  }

  private static void from(Browser browser, String address) {
    browser.driver().executeCdpCommand("Network.enable", Map.of());
    browser.driver().executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", address)));
  }

  /** Types the query and waits for the page's answer: the case or a message. */
  private static String query(Browser browser, String caseNumber, String code) {
    WebElement number = browser.await(By.id("caseNumber"));
    number.clear();
    number.sendKeys(caseNumber);
    WebElement codeField = browser.await(By.id("queryCode"));
    codeField.clear();
    codeField.sendKeys(code);
    browser.click(browser.await(By.id("submit")));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> (Boolean) browser.driver().executeScript(
        "return !document.getElementById('submit').disabled"
            + " && (!document.getElementById('message').hidden || !document.getElementById('result').hidden)"));
    WebElement message = browser.driver().findElement(By.id("message"));
    return message.isDisplayed() ? message.getText() : null;
  }

  private static String wrong(String code) {
    return (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);
  }

  /** The page is no wider than the phone's screen: nothing to scroll sideways. */
  private static void fitsThePhone(Browser browser) {
    Map<?, ?> widths = (Map<?, ?>) browser.driver().executeScript(
        "return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth}");
    assertThat(((Number) widths.get("scroll")).longValue()).as("page width %s", widths)
        .isLessThanOrEqualTo(((Number) widths.get("inner")).longValue());
  }

  @Test
  void theApplicantQueriesTheirCaseOnAPhoneWithTheCodeOfTheNotice() {
    String caseNumber = FiledCase.file(runtime, tasks);
    registry.assignHandler(caseNumber, "ordinary-team-3", "lvzhanpeng", null, "jiaoyangbo");
    String code;
    try (Browser clerk = new Browser("disclosure-notice")) {
      new Tasklist(clerk, port).login("lianyuan", "demo");
      clerk.open(url("/court/acceptance-notice.html", caseNumber));
      code = clerk.await(By.id("notice-code")).getText();
      clerk.screenshot("notice");
      assertThat(code).hasSize(QueryCodes.LENGTH);
      assertThat(clerk.await(By.id("notice")).getText()).contains("某县人民法院（演示）", "执行案件受理通知书", "张三",
          caseNumber, chinese(LocalDate.now()), "http://localhost:" + port + "/public/disclosure.html", "查询方法");
      assertThat(clerk.text()).contains("查询码只显示这一次");

      // The printed page is the notice alone.
      clerk.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      assertThat(clerk.await(By.id("notice")).isDisplayed()).isTrue();
      assertThat(clerk.all(By.tagName("button"))).noneMatch(WebElement::isDisplayed);
      assertThat(clerk.all(By.tagName("header"))).noneMatch(WebElement::isDisplayed);
      clerk.screenshot("notice-as-printed");
      clerk.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

      clerk.open(url("/court/acceptance-notice.html", caseNumber));
      clerk.awaitText("打印，不再显示");
      assertThat(clerk.text()).doesNotContain(code);
      assertThat(clerk.await(By.id("reissue-button")).getText()).isEqualTo("重新生成查询码");
      clerk.screenshot("notice-printed-before");
    }

    try (Browser applicant = new Browser("disclosure")) {
      phone(applicant, "203.0.113.61");
      applicant.open("http://localhost:" + port + "/public/disclosure.html");
      applicant.awaitText("执行案件公开查询");
      fitsThePhone(applicant);
      applicant.screenshot("phone-form");

      assertThat(query(applicant, caseNumber, code.toLowerCase())).isNull();
      String today = LocalDate.now().toString();
      String result = applicant.await(By.id("result")).getText();
      assertThat(result).contains(caseNumber, "立案日期\n" + today, "申请执行人\n张三", "被执行人\n某某建材有限公司",
          "当前阶段\n初次接待：登记初次接待情况", "承办团队\n普执三团队", "承办人\n吕展鹏", "联系电话\n0371-60000243",
          "案件已立案\n" + today, "核对立案信息\n" + today, "登记初次接待情况\n" + today + " 起，办理中");
      // Of the respondent the name only, and nothing else of the filing.
      assertThat(applicant.text()).doesNotContain("李某", "91350100M000100Y43", "工业园区", "13800138000", "人民路",
          "120000", "被执行人在某银行有存款");
      fitsThePhone(applicant);
      applicant.screenshot("phone-case");
      applicant.driver().executeScript("document.getElementById('timeline').scrollIntoView()");
      applicant.screenshot("phone-timeline");

      String wrongCode = query(applicant, caseNumber, wrong(code));
      applicant.screenshot("phone-wrong-code");
      assertThat(wrongCode).isEqualTo(DisclosureController.NOT_FOUND)
          .isEqualTo(query(applicant, "（2000）豫0000执1号", code));
      assertThat(applicant.all(By.id("result"))).noneMatch(WebElement::isDisplayed);

      // Two failures so far; the free ones used up, the next query is refused, even with the right code.
      for (int failure = 3; failure <= DisclosureThrottle.FREE_FAILURES + 1; failure++) {
        assertThat(query(applicant, caseNumber, wrong(code))).as("failure " + failure).isEqualTo(DisclosureController.NOT_FOUND);
      }
      assertThat(query(applicant, caseNumber, code)).startsWith("查询失败次数过多，请").endsWith("秒后再试。");
      fitsThePhone(applicant);
      applicant.screenshot("phone-refused");
    }
  }

  @Test
  void theDisclosureUnitReplacesALostCodeAndIssuesOneForACaseFiledBeforeCodes() throws Exception {
    String caseNumber = FiledCase.file(runtime, tasks);
    String oldCase = FiledCase.file(runtime, tasks);
    jdbc.update("DELETE FROM disclosure_query_code WHERE case_number = ?", oldCase); // as filed before V17
    String lost = JSON.readTree(StaffClient.rest(port, "lianyuan", "demo").fromPage().get("/api/disclosure/acceptance-notice?caseNumber="
        + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8)).body()).get("queryCode").asText();

    try (Browser browser = new Browser("disclosure-reissue")) {
      Tasklist tasklist = new Tasklist(browser, port);
      tasklist.as("zhouyuan");
      browser.open(url("/court/acceptance-notice.html", caseNumber));
      browser.awaitText("只有立案庭和执行公开及执行咨询人员可以打印查询码。");
      assertThat(browser.all(By.id("notice"))).noneMatch(WebElement::isDisplayed);
      browser.screenshot("outsider-refused");

      tasklist.as("siyonghao");
      browser.open(url("/court/acceptance-notice.html", caseNumber));
      browser.awaitText("打印，不再显示");
      browser.await(By.id("reissue-password")).sendKeys("demo");
      browser.click(browser.await(By.id("reissue-button")));
      assertThat(confirm(browser)).contains("原查询码立即作废");
      String replaced = browser.await(By.id("notice-code")).getText();
      browser.screenshot("reissued");
      assertThat(replaced).hasSize(QueryCodes.LENGTH);
      assertThat(disclose("203.0.113.71", caseNumber, replaced)).isEqualTo(200);
      assertThat(disclose("203.0.113.71", caseNumber, lost)).as("the lost code").isEqualTo(lost.equals(replaced) ? 200 : 404);

      browser.open(url("/court/acceptance-notice.html", oldCase));
      browser.awaitText("尚未启用查询码");
      browser.screenshot("no-code-yet");
      assertThat(browser.await(By.id("reissue-button")).getText()).isEqualTo("签发查询码");
      browser.await(By.id("reissue-password")).sendKeys("demo");
      browser.click(browser.await(By.id("reissue-button")));
      confirm(browser);
      String first = browser.await(By.id("notice-code")).getText();
      browser.screenshot("first-code");
      assertThat(browser.await(By.id("notice")).getText()).contains(oldCase, "张三");
      assertThat(disclose("203.0.113.72", oldCase, first)).isEqualTo(200);
    }
  }

  /** Accepts the page's confirmation and returns its question. */
  private static String confirm(Browser browser) {
    var alert = new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
    String question = alert.getText();
    alert.accept();
    return question;
  }

  private int disclose(String address, String caseNumber, String code) throws Exception {
    return StaffClient.rest(port, null, null).from(address).post("/public/api/disclosure",
        JSON.writeValueAsString(Map.of("caseNumber", caseNumber, "queryCode", code))).statusCode();
  }

  private static String chinese(LocalDate day) {
    return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
  }
}
