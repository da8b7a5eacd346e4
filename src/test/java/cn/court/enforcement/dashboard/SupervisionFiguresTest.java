package cn.court.enforcement.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.funds.CaseMoneyBalance;
import cn.court.enforcement.support.StaffClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application filled by the demo cases: a bureau leader reads every table of the supervision
 * page, and its figures are those the engine's query API and the project's repositories give.
 */
@SupervisionSpringTest
class SupervisionFiguresTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  @Test
  void everyTableAnswersABureauLeaderOnTheDemoCases() {
    for (String path : List.of("open-cases", "handlers", "overdue", "overdue-weeks", "closures", "closure-kinds",
        "stage-times", "fairness", "money", "late-payouts")) {
      HttpResponse<String> r = leader().get("/api/supervision/" + path);
      assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
      assertThat(r.body()).contains("\"title\"");
    }
  }

  @Test
  void theFiguresAreThoseOfTheDatabase() throws Exception {
    DatabaseFigures db = new DatabaseFigures(context);
    String overdueCase = db.makeOverdue(10);

    Map<String, Long> openCases = counts(rows("open-cases"), "cases", "teamName", "stage");
    assertThat(openCases).isEqualTo(db.openCasesPerTeamAndStage());
    assertThat(db.openCasesPerTeam()).as("the demo cases reach several teams").hasSizeGreaterThan(5);

    assertThat(counts(rows("handlers"), "cases", "handlerName", "teamName")).isEqualTo(db.casesPerHandler()).isNotEmpty();

    Set<String> overdue = StreamSupport.stream(rows("overdue").spliterator(), false)
        .map(r -> r.get("caseNumber").asText() + "|" + r.get("node").asText()).collect(Collectors.toCollection(TreeSet::new));
    assertThat(overdue).isEqualTo(db.overdueNow()).anyMatch(node -> node.startsWith(overdueCase + "|"));

    assertThat(counts(rows("closure-kinds"), "closed", "month", "kind")).isEqualTo(db.closureKinds(12)).isNotEmpty();

    JsonNode money = rows("money").get(0);
    CaseMoneyBalance balance = db.money();
    assertThat(balance.arrived()).as("the demo cases received money").isPositive();
    assertThat(Stream.of("arrived", "costs", "paid", "pending", "outstanding").map(k -> money.get(k).decimalValue()))
        .map(SupervisionFiguresTest::cents).containsExactly(Stream.of(balance.arrived(), balance.costs(), balance.paid(),
            balance.pending(), balance.outstanding()).map(SupervisionFiguresTest::cents).toArray(String[]::new));

    Map<String, String> late = new TreeMap<>();
    rows("late-payouts").forEach(r -> late.put(r.get("caseNumber").asText() + "|" + r.get("arrivedOn").asText(),
        cents(r.get("unpaid").decimalValue())));
    assertThat(late).isEqualTo(db.latePayouts()).isNotEmpty();

    JsonNode fairness = JSON.readTree(leader().get("/api/supervision/fairness").body()).get("table").get("rows");
    assertThat(counts(fairness, "observed", "teamName")).isEqualTo(db.fullPoolDraws());

    // the CSV: a header in Chinese, then the same rows as the JSON
    HttpResponse<String> csv = leader().get("/api/supervision/handlers?format=csv");
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("\uFEFF承办人,团队,在办案件数");
    Map<String, Long> csvRows = lines.subList(1, lines.size()).stream().map(line -> line.split(",")).collect(
        Collectors.toMap(cells -> cells[0] + "|" + cells[1], cells -> Long.parseLong(cells[2]), Long::sum, TreeMap::new));
    assertThat(csvRows).isEqualTo(db.casesPerHandler());
  }

  @Test
  void aNodeMarkedOverdueOnAClockAheadOfThisNodesIsLeftOutOfTheWeeks() throws Exception {
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    long before = total(rows("overdue-weeks"), "nodes");
    jdbc.update("INSERT INTO court_node_deadline (task_id, process_instance_id, process_definition_key, due_at, overdue_at)"
        + " VALUES ('clock-ahead', 'clock-ahead', 'enforcement-case', ?, ?)",
        Timestamp.from(Instant.now()), Timestamp.from(Instant.now().plus(14, ChronoUnit.DAYS)));
    try {
      assertThat(total(rows("overdue-weeks"), "nodes")).isEqualTo(before);
    } finally {
      jdbc.update("DELETE FROM court_node_deadline WHERE task_id = 'clock-ahead'");
    }
  }

  private static long total(JsonNode rows, String value) {
    return StreamSupport.stream(rows.spliterator(), false).mapToLong(r -> r.get(value).asLong()).sum();
  }

  private StaffClient leader() {
    return StaffClient.rest(port, "juzhang", "demo");
  }

  private JsonNode rows(String path) throws Exception {
    HttpResponse<String> r = leader().get("/api/supervision/" + path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("rows");
  }

  private static String cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }

  /** "key1|key2" → value of each row. */
  static Map<String, Long> counts(JsonNode rows, String value, String... keys) {
    Map<String, Long> counts = new TreeMap<>();
    rows.forEach(row -> counts.merge(Arrays.stream(keys).map(k -> row.get(k).asText()).collect(Collectors.joining("|")),
        row.get(value).asLong(), Long::sum));
    return counts;
  }
}
