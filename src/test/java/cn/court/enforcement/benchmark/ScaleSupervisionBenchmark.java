package cn.court.enforcement.benchmark;

import static cn.court.enforcement.benchmark.ScaleReport.ms;
import static cn.court.enforcement.benchmark.ScaleReport.number;
import static cn.court.enforcement.benchmark.ScaleReport.percentile;
import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.allocation.AllocationDrawRepository;
import cn.court.enforcement.allocation.ChainHead;
import cn.court.enforcement.allocation.DrawRecord;
import cn.court.enforcement.demo.DemoCaseLoader;
import cn.court.enforcement.escalation.EscalationSweep;
import cn.court.enforcement.support.PostgresDatabase;
import cn.court.enforcement.support.StaffClient;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not part of the suite: the supervision page's endpoints ({@code /api/supervision/*},
 * everything /court/supervision.html asks for) at N cases (default 100,000; quick 1,000), as a
 * bureau leader over HTTP, on H2 and PostgreSQL; p50 / p95 per endpoint.
 *
 * <p>The cases are copies of the demo cases (profile {@code demo-cases}: about forty cases at every
 * stage from intake to archived, with allocation draws, case money and closures), their open nodes
 * due forty days earlier and escalated by a sweep. Each copy carries the rows the page reads: the case file, its
 * draw (re-linked into the hash chain, so the ledger verification walks a valid chain), the main
 * instance's executions and tasks, its task history, its closure's end event and closure kind in
 * history, its nodes in the overdue table and its money — with new ids and case numbers, a minute
 * older than the copy before (100,000 copies span about 70 days). Other history rows (the
 * activity history but the closure, the variables but the closure kind) are not copied: the page
 * reads them through indexes by instance, whose cost hardly depends on the other rows.
 *
 * <pre>mvn -B -ntp test -Dtest='ScaleSupervisionBenchmark*' -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ScaleSupervisionBenchmark {

  static final String DATABASE = "enforcement_scale_supervision";
  static final int CASES = ScaleReport.size("benchmark.cases", 100_000, 1_000);
  static final int RUNS = ScaleReport.size("benchmark.runs", 20, 5);
  static final String READER = "juzhang";
  static final List<String> ENDPOINTS = List.of("open-cases", "handlers", "overdue", "overdue-weeks", "closures",
      "closure-kinds", "stage-times", "fairness", "money", "late-payouts");
  /** The tables a copy writes, parents first, and which of the case's rows each takes. */
  static final Map<String, String> TABLES = tables();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Map<String, String> tables() {
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put("CASE_FILE", "CASE_NUMBER = :case");
    tables.put("ACT_RU_EXECUTION", "PROC_INST_ID_ = :instance");
    tables.put("ACT_RU_TASK", "PROC_INST_ID_ = :instance");
    tables.put("ACT_HI_TASKINST", "PROC_INST_ID_ = :instance");
    tables.put("ACT_HI_ACTINST", "PROC_INST_ID_ = :instance AND ACT_ID_ = 'EndEvent_CaseClosed'");
    tables.put("ACT_HI_VARINST", "PROC_INST_ID_ = :instance AND NAME_ = 'closureKind'");
    tables.put("COURT_NODE_DEADLINE", "CASE_NUMBER = :case");
    tables.put("CASE_MONEY_ARRIVAL", "CASE_NUMBER = :case");
    tables.put("CASE_MONEY_PAYOUT", "CASE_NUMBER = :case");
    return tables;
  }

  /** One demo case's rows per table and its draw. */
  record Template(String caseNumber, Map<String, List<Map<String, Object>>> rows, Optional<DrawRecord> draw) {}

  @ActiveProfiles(DemoCaseLoader.PROFILE)
  abstract static class Run {

    @LocalServerPort int port;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired AllocationDrawRepository draws;
    @Autowired EscalationSweep sweep;
    @Autowired TaskService tasks;
    @Autowired PlatformTransactionManager transactions;

    private long nextMoneyId = 10_000_000;

    void measure(String database) throws SQLException {
      ScaleReport report = new ScaleReport("Scale: the supervision page's endpoints, " + database);
      ScaleReport.Heap heap = new ScaleReport.Heap();
      // the demo cases' open nodes as if their limits had run out forty days ago: overdue, most badly
      for (Task task : tasks.createTaskQuery().list()) {
        if (task.getDueDate() != null) {
          task.setDueDate(new Date(task.getDueDate().getTime() - Duration.ofDays(40).toMillis()));
          tasks.saveTask(task);
        }
      }
      sweep.sweep();
      List<Template> templates = templates();
      long start = System.nanoTime();
      copy(templates, CASES - templates.size());
      assertThat(draws.head().lastId()).isEqualTo(jdbc.queryForObject("select count(*) from allocation_draw", Long.class));
      report.row("cases (copies of " + templates.size() + " demo cases)", number(count("case_file")) + "; open tasks "
          + number(count("ACT_RU_TASK")) + ", task history " + number(count("ACT_HI_TASKINST")) + ", overdue-table rows "
          + number(count("court_node_deadline")) + ", draws " + number(count("allocation_draw")) + String.format(
              " (copied in %.0f s)", (System.nanoTime() - start) / 1e9));

      StaffClient reader = StaffClient.rest(port, READER, "demo");
      for (String endpoint : ENDPOINTS) {
        List<Long> micros = new ArrayList<>();
        int rows = 0;
        for (int run = 0; run < RUNS + 2; run++) {
          long begin = System.nanoTime();
          HttpResponse<String> answer = reader.get("/api/supervision/" + endpoint);
          long took = (System.nanoTime() - begin) / 1_000;
          assertThat(answer.statusCode()).as("%s: %s", endpoint, answer.body()).isEqualTo(200);
          if (run >= 2) {
            micros.add(took);
          }
          rows = rowsOf(answer.body());
        }
        micros.sort(null);
        report.row("GET /api/supervision/" + endpoint, "rows " + number(rows) + ", " + lengthOf(reader, endpoint)
            + ": p50 " + ms(percentile(micros, 50)) + ", p95 " + ms(percentile(micros, 95)),
            "none in issue 18", "—");
      }
      heap.rows(report, "copies and queries");
      heap.close();
      report.note("Each endpoint as the page calls it (JSON, default periods: 12 months, 12 weeks), over HTTP with "
          + "the bureau leader's credentials, " + RUNS + " runs after 2 warm-ups. `overdue` lists every node overdue "
          + "now, unpaged; `fairness` verifies the whole allocation ledger (every draw re-hashed).");
      report.append();
    }

    /**
     * The rows of a table answer ({@code rows}, or {@code table.rows} for fairness), counted while
     * streaming: a tree of the 186,000 overdue nodes would put the client's copy in the heap figures.
     */
    private static int rowsOf(String body) {
      try (JsonParser json = JSON.getFactory().createParser(body)) {
        int depth = 0;
        while (json.nextToken() != null) {
          JsonToken token = json.currentToken();
          if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            depth++;
          } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
            depth--;
          } else if (token == JsonToken.FIELD_NAME && json.currentName().equals("rows")
              && depth <= 2 && json.nextToken() == JsonToken.START_ARRAY) {
            int rows = 0;
            while (json.nextToken() != JsonToken.END_ARRAY) {
              json.skipChildren();
              rows++;
            }
            return rows;
          }
        }
        throw new AssertionError("no rows in the answer");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private static String lengthOf(StaffClient reader, String endpoint) {
      return String.format("%,d kB", reader.get("/api/supervision/" + endpoint).body().length() / 1024);
    }

    private long count(String table) {
      return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private List<Template> templates() throws SQLException {
      List<Template> templates = new ArrayList<>();
      try (Connection connection = dataSource.getConnection()) {
        for (Map<String, Object> file : jdbc.queryForList("select case_number, process_instance_id from case_file"
            + " order by case_number")) {
          String caseNumber = (String) file.get("case_number");
          String instance = (String) file.get("process_instance_id");
          Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
          for (Map.Entry<String, String> table : TABLES.entrySet()) {
            boolean byCase = table.getValue().contains(":case");
            List<Map<String, Object>> found = ScaleCopies.rows(connection, table.getKey(),
                table.getValue().replace(byCase ? ":case" : ":instance", "?"), byCase ? caseNumber : instance);
            rows.put(table.getKey(), table.getKey().equals("ACT_RU_EXECUTION") ? ScaleCopies.parentsFirst(found) : found);
          }
          templates.add(new Template(caseNumber, rows, draws.findByCaseNumber(caseNumber)));
        }
      }
      return templates;
    }

    /** {@code copies} copies of the templates in turn, a minute older each; their draws appended to the chain. */
    private void copy(List<Template> templates, int copies) throws SQLException {
      TransactionTemplate inOne = new TransactionTemplate(transactions);
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        Map<String, List<Map<String, Object>>> batch = new LinkedHashMap<>();
        List<DrawRecord> drawBatch = new ArrayList<>();
        for (int k = 0; k < copies; k++) {
          Template template = templates.get(k % templates.size());
          long older = (k + 1) * 60_000L;
          Map<String, String> renamed = new HashMap<>();
          renamed.put(template.caseNumber(), "（2026）豫0101执" + (300_000 + k) + "号");
          // every id of the copied rows, and the instances and tasks the case's rows name
          template.rows().values().forEach(rows -> rows.forEach(row -> {
            for (String column : List.of("ID_", "TASK_ID", "PROCESS_INSTANCE_ID", "PROC_INST_ID_", "EXECUTION_ID_")) {
              if (row.get(column) instanceof String id) {
                renamed.computeIfAbsent(id, old -> UUID.randomUUID().toString());
              }
            }
          }));
          Map<Long, Long> moneyIds = new HashMap<>();
          template.rows().forEach((table, rows) -> rows.forEach(row -> {
            Map<String, Object> copy = ScaleCopies.replaced(row, renamed, older);
            if (table.startsWith("CASE_MONEY_")) {
              copy.put("ID", moneyIds.computeIfAbsent(((Number) row.get("ID")).longValue(), old -> nextMoneyId++));
              if (table.equals("CASE_MONEY_PAYOUT")) {
                copy.put("ARRIVAL_ID", moneyIds.get(((Number) row.get("ARRIVAL_ID")).longValue()));
              }
            }
            batch.computeIfAbsent(table, t -> new ArrayList<>()).add(copy);
          }));
          template.draw().ifPresent(draw -> drawBatch.add(new DrawRecord(0, renamed.get(draw.caseNumber()),
              renamed.getOrDefault(draw.processInstanceId(), draw.processInstanceId()), draw.candidates(),
              draw.excluded(), draw.drawValue(), draw.chosenTeam(), draw.drawnAt().minusMillis(older), null, null)));
          if (k % 1000 == 999 || k == copies - 1) {
            for (String table : TABLES.keySet()) {
              ScaleCopies.insert(connection, table, batch.getOrDefault(table, List.of()));
            }
            batch.clear();
            connection.commit();
            inOne.executeWithoutResult(tx -> {
              for (DrawRecord unlinked : drawBatch) {
                ChainHead head = draws.lockHead();
                draws.append(DrawRecord.link(head.lastId() + 1, unlinked.caseNumber(), unlinked.processInstanceId(),
                    unlinked.candidates(), unlinked.excluded(), unlinked.drawValue(), unlinked.chosenTeam(),
                    unlinked.drawnAt(), head.lastHash()));
              }
            });
            drawBatch.clear();
          }
        }
        ScaleCopies.analyze(connection);
      }
    }
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = ScaleReport.H2_OWN_DATABASE + "scale-supervision" + ScaleReport.H2_SETTINGS)
  @DirtiesContext
  @Tag("h2")
  class OnH2InMemory extends Run {
    @Test
    void supervisionPage() throws SQLException {
      measure("H2 (in memory)");
    }
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
      "spring.datasource.url=" + PostgresDatabase.SERVER + DATABASE,
      "spring.datasource.username=postgres"})
  @Tag("postgres")
  @DirtiesContext
  class OnPostgres extends Run {
    static {
      PostgresDatabase.recreate(DATABASE);
    }

    @Test
    void supervisionPage() throws SQLException {
      measure("PostgreSQL 15 (localhost)");
    }
  }
}
