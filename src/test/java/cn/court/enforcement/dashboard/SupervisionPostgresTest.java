package cn.court.enforcement.dashboard;

import static cn.court.enforcement.dashboard.SupervisionFiguresTest.counts;
import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.demo.DemoCaseLoader;
import cn.court.enforcement.support.PostgresDatabase;
import cn.court.enforcement.support.StaffClient;
import cn.court.enforcement.support.StatementCounter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The supervision endpoints on PostgreSQL (127.0.0.1:5432, a database created for this run) filled
 * by the demo-cases command: every table answers, in JSON and CSV, with the figures the engine
 * gives. Each query of {@link SupervisionFigures} is explained there (generic plan, as for any
 * parameter values) into target/supervision-explain.txt: once as the planner chooses on these few
 * rows, once with sequential scans disabled, which shows whether an index can drive it at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=" + SupervisionPostgresTest.URL,
    "spring.datasource.username=postgres"})
@ActiveProfiles(DemoCaseLoader.PROFILE)
class SupervisionPostgresTest {

  static final String DATABASE = "enforcement_supervision";
  static final String URL = PostgresDatabase.SERVER + DATABASE;
  static final List<String> TABLES = List.of("open-cases", "handlers", "overdue", "overdue-weeks", "closures",
      "closure-kinds", "stage-times", "fairness", "money", "late-payouts");
  /** The page's own statements among those an answer sends (the aliases of SupervisionFigures' queries). */
  private static final Pattern FIGURES_QUERY = Pattern.compile(
      "(?s).*\\b(case_file cf|court_node_deadline n|case_money_arrival|ACT_HI_TASKINST t)\\b.*");
  /** Tables that grow with the cases: a sequential scan of one of them would not stay fast at 100,000 cases. */
  private static final Pattern BIG_TABLE_SCAN = Pattern.compile(
      "(?i)Seq Scan on (case_file|allocation_draw|court_node_deadline|case_money_\\w+|act_hi_\\w+|act_ru_\\w+)\\b");

  static {
    PostgresDatabase.recreate(DATABASE);
  }

  @TestConfiguration
  static class Counting {
    @Bean
    static StatementCounter statementCounter() {
      return new StatementCounter();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired StatementCounter sql;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyTableAnswersOnPostgresAndEachQueryHasAnIndexPath() throws IOException {
    DatabaseFigures db = new DatabaseFigures(context);
    String overdueCase = db.makeOverdue(10);
    StaffClient leader = StaffClient.rest(port, "juzhang", "demo");

    Map<String, String> queries = new LinkedHashMap<>();
    Map<String, JsonNode> answers = new TreeMap<>();
    for (String table : TABLES) {
      sql.reset();
      sql.trace();
      HttpResponse<String> json = leader.get("/api/supervision/" + table);
      sql.traced().stream().map(s -> s.replaceFirst("^\\d+ ", "")) // the trace counts each statement's executions
          .filter(s -> FIGURES_QUERY.matcher(s).matches()).forEach(s -> queries.putIfAbsent(s, table));
      sql.reset();
      assertThat(json.statusCode()).as(table + ": " + json.body()).isEqualTo(200);
      answers.put(table, JSON.readTree(json.body()));
      HttpResponse<String> csv = leader.get("/api/supervision/" + table + "?format=csv");
      assertThat(csv.statusCode()).as(table + " CSV").isEqualTo(200);
      assertThat(csv.body()).startsWith("\uFEFF");
    }

    assertThat(counts(answers.get("open-cases").get("rows"), "cases", "teamName", "stage"))
        .isEqualTo(db.openCasesPerTeamAndStage()).isNotEmpty();
    assertThat(counts(answers.get("handlers").get("rows"), "cases", "handlerName", "teamName"))
        .isEqualTo(db.casesPerHandler()).isNotEmpty();
    assertThat(answers.get("overdue").get("rows").findValuesAsText("caseNumber")).contains(overdueCase);
    assertThat(counts(answers.get("closure-kinds").get("rows"), "closed", "month", "kind"))
        .isEqualTo(db.closureKinds(12)).isNotEmpty();
    assertThat(answers.get("money").get("rows").get(0).get("arrived").decimalValue())
        .isEqualByComparingTo(db.money().arrived()).isPositive();
    assertThat(answers.get("stage-times").get("rows")).isNotEmpty();
    assertThat(counts(answers.get("fairness").get("table").get("rows"), "observed", "teamName"))
        .isEqualTo(db.fullPoolDraws());

    // closures and closure-kinds share one query; fairness reads the allocation ledger in chain order, as its verification
    assertThat(queries).as("the figures' queries seen").hasSize(8);
    StringBuilder report = new StringBuilder();
    List<String> scans = new ArrayList<>();
    queries.forEach((query, table) -> {
      String chosen = explain(query, false);
      String indexed = explain(query, true);
      report.append("== ").append(table).append('\n').append(query.strip()).append("\n-- as chosen:\n").append(chosen)
          .append("-- sequential scans disabled:\n").append(indexed).append('\n');
      Matcher scan = BIG_TABLE_SCAN.matcher(indexed);
      while (scan.find()) {
        scans.add(table + ": " + scan.group());
      }
    });
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "supervision-explain.txt"), report + "Sequential scans left: " + scans + "\n");
    // only the money totals read whole tables, by nature: they sum every arrival and payout
    assertThat(scans).isNotEmpty().allMatch(scan -> scan.startsWith("money: "));
  }

  /** The generic plan of a traced statement ({@code ?} placeholders), as for any parameter values. */
  private String explain(String query, boolean noSeqScan) {
    int[] n = {0};
    String prepared = Pattern.compile("\\?").matcher(query).replaceAll(m -> "\\$" + ++n[0]);
    String nulls = String.join(", ", Collections.nCopies(n[0], "NULL"));
    return jdbc.execute((ConnectionCallback<String>) connection -> {
      try (Statement s = connection.createStatement()) {
        s.execute("SET plan_cache_mode = force_generic_plan");
        s.execute("SET enable_seqscan = " + (noSeqScan ? "off" : "on"));
        s.execute("PREPARE figures AS " + prepared);
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE figures" + (n[0] == 0 ? "" : "(" + nulls + ")"))) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        } finally {
          s.execute("DEALLOCATE figures");
          s.execute("RESET enable_seqscan");
          s.execute("RESET plan_cache_mode");
        }
        return plan.toString();
      }
    });
  }
}
