package cn.court.enforcement.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.browser.Browser;
import cn.court.enforcement.browser.Tasklist;
import cn.court.enforcement.funds.CaseMoneyBalance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * In a real Chinese Chromium on the demo cases: the bureau chief, logged in to Tasklist, opens the
 * supervision page; its charts are drawn with data, its tables show the figures of the database
 * (counted through the engine, {@link DatabaseFigures}), an overdue case links to its case page and
 * its Cockpit instance, its person to their overdue nodes, and a table's CSV link gives CSV. A filing
 * clerk gets the refusal.
 * Screenshots under target/browser/supervision*.
 */
@SupervisionSpringTest
class SupervisionBrowserTest {

  /** The sections the page draws a chart in. */
  private static final List<String> CHARTS = List.of("open-cases", "overdue-weeks", "closures", "closure-kinds",
      "stage-times", "fairness", "money");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  private String page() {
    return "http://localhost:" + port + "/court/supervision.html";
  }

  @Test
  @SuppressWarnings("unchecked")
  void theBureauChiefSeesTheFiguresOfTheDatabaseAndAFilingClerkIsRefused() {
    DatabaseFigures db = new DatabaseFigures(context);
    String overdueCase = db.makeOverdue(12);

    try (Browser browser = new Browser("supervision")) {
      new Tasklist(browser, port).login("juzhang", "demo");
      browser.open(page());
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
          .until(d -> "true".equals(browser.driver().executeScript("return document.body.dataset.loaded")));
      browser.screenshot("top");

      for (String section : CHARTS) {
        WebElement box = browser.await(By.cssSelector("#" + section + " .chart"));
        assertThat(box.findElements(By.tagName("canvas"))).as(section + " chart").isNotEmpty();
        List<Long> points = (List<Long>) browser.driver().executeScript("""
            const series = echarts.getInstanceByDom(arguments[0]).getOption().series;
            return [series.reduce((n, s) => n + s.data.length, 0),
              series.reduce((n, s) => n + s.data.filter(v => Number(v) > 0).length, 0)]""", box);
        assertThat(points.get(0)).as(section + " chart data").isPositive();
        if (!section.equals("stage-times")) { // the demo command walks each case in one sitting: 0.0 days per stage
          assertThat(points.get(1)).as(section + " chart values above zero").isPositive();
        }
        browser.driver().executeScript("arguments[0].scrollIntoView()", browser.await(By.id(section)));
        browser.screenshot(section);
      }
      assertThat(browser.text()).doesNotContainPattern("undefined|NaN|null");

      assertThat(counts(cells(browser, "open-cases"))).isEqualTo(db.openCasesPerTeamAndStage());
      assertThat(counts(cells(browser, "handlers"))).isEqualTo(db.casesPerHandler());
      assertThat(counts(cells(browser, "closure-kinds"))).isEqualTo(db.closureKinds(12));
      Map<String, Long> fairness = new TreeMap<>();
      cells(browser, "fairness").forEach(row -> fairness.put(row.get(0), Long.parseLong(row.get(1))));
      assertThat(fairness).isEqualTo(db.fullPoolDraws());
      assertThat(browser.await(By.id("ledger")).getText()).startsWith("分案记录校验：完整");
      CaseMoneyBalance money = db.money();
      assertThat(cells(browser, "money").get(0)).containsExactlyElementsOf(Stream.of(money.arrived(), money.costs(), money.paid(),
          money.pending(), money.outstanding()).map(a -> a.setScale(2, RoundingMode.UNNECESSARY).toPlainString()).toList());
      assertThat(money.arrived()).isGreaterThan(BigDecimal.ZERO);

      // the overdue case: to its case page and to its instance in Cockpit
      WebElement overdue = browser.await(By.xpath("//section[@id='overdue']//tr[td/a[normalize-space(.)='" + overdueCase + "']]"));
      browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", overdue);
      browser.screenshot("overdue");
      assertThat(overdue.findElement(By.linkText(overdueCase)).getAttribute("href"))
          .endsWith("/court/case.html?caseNumber=" + URLEncoder.encode(overdueCase, StandardCharsets.UTF_8));
      assertThat(overdue.findElement(By.cssSelector("a.cockpit")).getAttribute("href"))
          .contains("/camunda/app/cockpit/default/#/process-instance/").endsWith("/runtime");
      assertThat(overdue.findElement(By.cssSelector("td[data-key='overdueDays']")).getText()).isEqualTo("12");
      // and to the person: only their overdue nodes
      WebElement person = overdue.findElement(By.cssSelector("td[data-key='assigneeName'] a"));
      String name = person.getText();
      browser.click(person);
      browser.awaitText("当前超期节点（" + name + "）");
      browser.screenshot("overdue-of-" + name);
      assertThat(cells(browser, "overdue")).isNotEmpty().allMatch(row -> row.get(3).equals(name))
          .anyMatch(row -> row.get(0).startsWith(overdueCase));
      int all = db.overdueNow().size();
      browser.click(browser.await(By.id("overdue-all")));
      new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> cells(browser, "overdue").size() == all);

      // the CSV link of a table, fetched with the page's session
      String csvLink = browser.await(By.cssSelector("#handlers h2 a")).getAttribute("href");
      assertThat(csvLink).endsWith("/api/supervision/handlers?format=csv");
      assertThat(fetch(browser, csvLink)).startsWith("200|text/csv").containsPattern("\\|承办人,团队,在办案件数\\r?\\n");
    }

    try (Browser browser = new Browser("supervision-filing-clerk")) {
      new Tasklist(browser, port).login("lianyuan", "demo");
      browser.open(page());
      browser.awaitText("监督页面仅供执行局领导、执行指挥中心和系统管理员查看。");
      browser.screenshot("refused");
      assertThat(browser.awaitPresent(By.id("figures")).isDisplayed()).isFalse();
      assertThat(fetch(browser, "/api/supervision/money")).startsWith("403|").contains("监督页面仅供");
    }
  }

  /** The texts of the table's cells, row by row, all rows (also those scrolled out of its box). */
  @SuppressWarnings("unchecked")
  private static List<List<String>> cells(Browser browser, String section) {
    return (List<List<String>>) browser.driver().executeScript("""
        return Array.from(document.querySelectorAll('#' + arguments[0] + ' tbody tr'))
          .map(tr => Array.from(tr.cells).map(td => td.textContent.trim()))""", section);
  }

  /** "first cells joined by |" → the number in the last cell. */
  private static Map<String, Long> counts(List<List<String>> rows) {
    Map<String, Long> counts = new TreeMap<>();
    rows.forEach(row -> counts.merge(String.join("|", row.subList(0, row.size() - 1)), Long.parseLong(row.get(row.size() - 1)),
        Long::sum));
    return counts;
  }

  /** Fetches a URL with the page's session: "status|content type|body" (the body decoded, without its byte-order mark). */
  private static String fetch(Browser browser, String url) {
    return (String) browser.driver().executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'same-origin'})
          .then(async r => done(r.status + '|' + r.headers.get('Content-Type') + '|' + await r.text()))""", url);
  }
}
