package cn.court.enforcement.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.court.enforcement.demo.CaseRoute;
import cn.court.enforcement.demo.CaseRoute.Find;
import cn.court.enforcement.demo.CaseWalker;
import cn.court.enforcement.demo.DemoFilings;
import cn.court.enforcement.demo.Step;
import cn.court.enforcement.support.EngineClock;
import cn.court.enforcement.support.StaffClient;
import cn.court.enforcement.support.StatementCounter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A full ordinary case walked by the people of each unit (engine clock ten minutes further at each
 * step) fills the circulation register by itself: the registration first, then every hand-over in
 * order with its units, persons and times; supervisors and the units involved read it over REST and
 * as CSV, others are refused. The listener's cost in statements per task created is measured.
 * Run on each database by a subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@Import(CirculationRegisterContract.Counting.class)
abstract class CirculationRegisterContract {

  private static final AtomicInteger SERIAL = new AtomicInteger(7600);
  private static final LocalDateTime FILED_AT = LocalDateTime.of(2026, 11, 30, 9, 0);
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Find DEPOSIT = new Find("deposit", "中国建设银行郑州花园路支行", 36_800, true, false);
  private static final Find VEHICLE = new Find("vehicle", "郑州市公安局交通管理支队车辆管理所", 98_000, false, true);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestConfiguration
  static class Counting {
    @Bean
    static StatementCounter statementCounter() {
      return new StatementCounter();
    }
  }

  @LocalServerPort int port;
  @Autowired CaseWalker walker;
  @Autowired CirculationRegister register;
  @Autowired HistoryService history;
  @Autowired StatementCounter sql;

  /** When each step was done (its key, in walking order), and by whom. */
  private final Map<String, LocalDateTime> doneAt = new LinkedHashMap<>();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anOrdinaryCaseIsRegisteredAndEveryHandOverRecordedInOrder() throws Exception {
    String caseNumber = DemoFilings.caseNumber(SERIAL.incrementAndGet());
    CaseRoute route = new CaseRoute(caseNumber, FILED_AT.toLocalDate().minusDays(28), FILED_AT.toLocalDate());
    sql.reset();
    sql.trace();
    EngineClock.at(FILED_AT);
    walker.file(DemoFilings.filing(SERIAL.get(), FILED_AT.toLocalDate().minusDays(28)), 0);
    walk(caseNumber, route.verifyFiling().reception("被执行人名下有存款和一辆轿车").documents("direct").dossier()
        .inquiry(DEPOSIT, VEHICLE).offlineControl().triageFacts(false, false).confirmTrack("ordinary", null)
        .allocate().nameTeamHandler().interviewBothParties()
        .proposeClosure("fully-performed", null).registerClosure().archive("档-2026-执-7601").take());
    List<String> traced = sql.traced();
    sql.reset();

    List<CirculationRegister.Entry> entries = register.ofCase(caseNumber);
    String team = entries.stream().filter(e -> "指定承办人".equals(e.stepName()))
        .findFirst().orElseThrow().toUnit();
    String handler = walker.member(team, 1).id(); // the leader (member 0) names the next member
    List<CirculationRegister.Entry> caseLine = entries.stream()
        .filter(e -> "enforcement-case".equals(e.processKey())).toList();

    // The registration under the documents unit's number is the first row, by the registering clerk.
    CirculationRegister.Entry first = entries.get(0);
    assertThat(first.kind()).isEqualTo(CirculationRegister.REGISTRATION);
    assertThat(first.registerNumber()).isEqualTo("登记-" + caseNumber.replaceAll("\\D", ""));
    assertThat(first.toUnit()).isEqualTo("documents");
    assertThat(first.toPerson()).isEqualTo(walker.member("documents", 0).id());
    assertThat(at(first)).isEqualTo(doneAt.get("Task_RegisterAndServeDocuments"));

    // Every hand-over of the case's own line, in order: who gave, who received, at which step, when.
    assertThat(caseLine.subList(1, caseLine.size()))
        .extracting(CirculationRegister.Entry::fromUnit, CirculationRegister.Entry::fromPerson,
            CirculationRegister.Entry::toUnit, CirculationRegister.Entry::stepName, this::at)
        .containsExactly(
            tuple("filing", walker.member("filing", 0).id(), "intake", "核对立案信息", FILED_AT),
            tuple("intake", walker.member("intake", 0).id(), "documents", "登记案件并送达文书",
                doneAt.get("Task_RecordReception")),
            tuple("documents", walker.member("documents", 0).id(), "network-control", "发起网络查询",
                doneAt.get("Task_RegisterAndServeDocuments")),
            tuple("network-control", walker.member("network-control", 0).id(), "intensive-affairs", "线下查控财产",
                doneAt.get("Task_RecordPropertyItem")),
            tuple("intensive-affairs", walker.member("intensive-affairs", 0).id(), "triage", "登记繁简分流要素",
                doneAt.get("Task_ControlPropertyOffline")),
            // The random allocation runs as a job: the triage officer who confirmed the track gave the case.
            tuple("triage", walker.member("triage", 0).id(), team, "指定承办人",
                doneAt.get(CaseRoute.ALLOCATION)),
            tuple(team, handler, "documents", "登记结案信息", lastDoneAt(CaseRoute.TEAM_HUB, 3)),
            tuple("documents", walker.member("documents", 0).id(), "funds", "裁判文书上网",
                doneAt.get("Task_RegisterClosure")));
    // Receivers are the people who took the receiving steps.
    assertThat(caseLine.get(1).toPerson()).isEqualTo(walker.member("intake", 0).id());
    assertThat(caseLine.get(4).toPerson()).isEqualTo(walker.member("intensive-affairs", 0).id());

    // The dossier beside the case hands over too: the archive centre receives it at filing.
    assertThat(entries).anySatisfy(e -> {
      assertThat(e.processKey()).isEqualTo("dossier");
      assertThat(e.fromUnit()).isEqualTo("filing");
      assertThat(e.toUnit()).isEqualTo("archive");
      assertThat(at(e)).isEqualTo(FILED_AT);
    });

    // Cost: what the recorder sent to the database, per task the case created.
    List<String> recorderStatements = traced.stream()
        .filter(s -> s.contains("circulation_entry") || s.contains("SELECT ASSIGNEE_ FROM ACT_HI_TASKINST")).toList();
    long recorder = recorderStatements.size();
    long tasks = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber).count();
    System.out.printf("circulation register: %d statements for %d tasks created (%.2f per task), %d rows%n",
        recorder, tasks, (double) recorder / tasks, entries.size());
    recorderStatements.forEach(statement -> System.out.println("  " + statement.substring(0, Math.min(90, statement.length()))));
    assertThat((double) recorder / tasks).isLessThanOrEqualTo(1.0);

    restAndCsv(caseNumber, team);
  }

  private void restAndCsv(String caseNumber, String team) throws Exception {
    String query = "/api/circulation/cases?caseNumber=" + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8);
    StaffClient supervisor = StaffClient.rest(port, "wanghui", "demo");
    HttpResponse<String> json = supervisor.get(query);
    assertThat(json.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(json.body());
    assertThat(body.get("registerNumber").asText()).isEqualTo("登记-" + caseNumber.replaceAll("\\D", ""));
    JsonNode rows = body.get("entries");
    assertThat(rows.get(0).get("kind").asText()).isEqualTo("registration");
    JsonNode toIntake = null;
    for (JsonNode row : rows) {
      toIntake = toIntake == null && "intake".equals(row.get("toUnit").asText()) ? row : toIntake;
    }
    assertThat(toIntake.get("fromUnitName").asText()).isEqualTo("立案庭");
    assertThat(toIntake.get("fromPersonName").asText()).isEqualTo("立案员（演示）");
    assertThat(toIntake.get("toUnitName").asText()).isEqualTo("信息核对初次接待");
    assertThat(toIntake.get("toPersonName").asText()).isEqualTo("李林霞");
    assertThat(toIntake.get("handedAt").asText()).isEqualTo(FILED_AT.format(MINUTES));

    HttpResponse<String> csv = supervisor.get(query + "&format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("\uFEFF序号,案号,类型,流转登记簿编号,移交时间,移交单位,移交人,接收单位,接收人,接收环节,流程");
    assertThat(lines).hasSize(rows.size() + 1);
    assertThat(lines.get(1)).startsWith("1," + caseNumber + ",登记,登记-");
    assertThat(lines).anySatisfy(line -> assertThat(line).contains(caseNumber + ",移交,," + FILED_AT.format(MINUTES)
        + ",立案庭,立案员（演示）,信息核对初次接待,李林霞,核对立案信息,enforcement-case"));

    // A unit the case went through reads it; a unit it never reached does not.
    assertThat(StaffClient.rest(port, "siyonghao", "demo").get(query).statusCode()).isEqualTo(200);
    HttpResponse<String> outsider = StaffClient.rest(port, "liwenying", "demo").get(query);
    assertThat(outsider.statusCode()).isEqualTo(403);
    assertThat(outsider.body()).contains("只能查看本人或本部门经手案件的流转登记");

    assertThat(supervisor.get("/api/circulation/cases?caseNumber=" + URLEncoder.encode("（2000）豫0000执1号", StandardCharsets.UTF_8))
        .statusCode()).as("a case the register does not know").isEqualTo(404);

    // Per unit: triage gave the case to the team and received it from intensive affairs, that day.
    String day = FILED_AT.toLocalDate().toString();
    HttpResponse<String> triage = StaffClient.rest(port, "siyonghao", "demo")
        .get("/api/circulation/units/triage?from=" + day + "&to=" + day);
    assertThat(triage.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(triage.body()).get("entries")).extracting(r -> r.get("caseNumber").asText() + " "
        + r.get("fromUnit").asText() + "→" + r.get("toUnit").asText())
        .contains(caseNumber + " intensive-affairs→triage", caseNumber + " triage→" + team);
    HttpResponse<String> triageCsv = supervisor.get("/api/circulation/units/triage?from=" + day + "&to=" + day + "&format=csv");
    assertThat(triageCsv.body()).contains(caseNumber);
    assertThat(StaffClient.rest(port, "siyonghao", "demo").get("/api/circulation/units/documents").statusCode())
        .isEqualTo(403);
  }

  /** Walks the steps one at a time, the engine clock ten minutes further each time. */
  private void walk(String caseNumber, List<Step> steps) {
    LocalDateTime now = FILED_AT;
    List<String> keys = new ArrayList<>();
    for (Step step : steps) {
      now = now.plusMinutes(10);
      EngineClock.at(now);
      walker.walk(caseNumber, List.of(step), 0);
      keys.add(step.taskKey());
      doneAt.put(step.taskKey() + "#" + keys.stream().filter(step.taskKey()::equals).count(), now);
      doneAt.put(step.taskKey(), now);
    }
  }

  /** When the n-th (from 1) completion of the step was done. */
  private LocalDateTime lastDoneAt(String taskKey, int n) {
    return doneAt.get(taskKey + "#" + n);
  }

  private LocalDateTime at(CirculationRegister.Entry entry) {
    return LocalDateTime.ofInstant(entry.handedAt().toInstant(), EngineClock.COURT);
  }
}
