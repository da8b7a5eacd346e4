package cn.court.enforcement.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.demo.CaseRoute;
import cn.court.enforcement.demo.DemoFilings;
import cn.court.enforcement.demo.Step;
import cn.court.enforcement.support.ChildApplication;
import cn.court.enforcement.support.PostgresDatabase;
import cn.court.enforcement.support.RestStaff;
import cn.court.enforcement.support.StaffClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Two application nodes on one PostgreSQL database, both with their job executors on, started
 * at the same moment on an empty database. Staff work {@value #DEFAULT_CASES} cases over REST
 * across both ({@link RestStaff}: own tasks, claim, submit-form); halfway one node is killed with SIGKILL and started again,
 * and the work in flight there is taken up on the other node. Then every case has ended, each was
 * allocated once and the allocation ledger verifies, every activity and every side effect
 * happened exactly as often as the route says, and no incident or failed job is left.
 *
 * <p>The route is the shortest real one through random allocation: filing, intake (verify,
 * reception), documents, the electronic dossier, a network inquiry that finds nothing, triage to
 * the ordinary track, <b>random allocation</b> (the asynchronous job, run by either node's job
 * executor, writing the draw to the chained ledger), the team leader naming the handler, the two
 * interviews closure needs, closure as fully performed, registration, and then the dossier's
 * side: the <b>closure notification to the dossier process</b> (a message), publication, the
 * image dossier and archiving, which end both process instances. The message and the job are
 * counted in the history; the side effects in the application's tables (every table with a case
 * number: draw, parties, interview records, handler, case clock, circulation register, query code,
 * clues) are counted per case; the escalation sweep's node reminders and notifications, which it
 * sends to the tasks open whenever it runs on either node (the filings are dated weeks back), once
 * per task, stage and recipient.
 *
 * <p>Long: {@code mvn -B -ntp -Plong test}; fewer cases with {@code -Dcluster.cases=600} (600 took
 * 6.2 minutes, 1.6 cases/s, on the 2-core machine with other builds running).
 */
@Tag("long")
class ClusterKillTest {

  static final int DEFAULT_CASES = 2000;
  private static final int CASES = Integer.getInteger("cluster.cases", DEFAULT_CASES);
  private static final int STAFF_THREADS = 4;
  private static final String DATABASE = "enforcement_cluster";
  private static final String URL = PostgresDatabase.SERVER + DATABASE;
  private static final LocalDate FILED = LocalDate.of(2026, 11, 2);
  /**
   * A killed node's job locks are free for the other node after this; Camunda's default is five
   * minutes (README "Several nodes"). The allocation job takes milliseconds.
   */
  private static final String LOCK_TIME = "--camunda.bpm.job-execution.lock-time-in-millis=20000";
  private static final String[] ARGS = {"--spring.datasource.url=" + URL, "--spring.datasource.username=postgres",
      "--spring.datasource.password=", LOCK_TIME};
  /** C2 as in production: the run is long enough to pay for it. */
  private static final List<String> JVM = List.of("-Xmx512m");
  /** The filing's fields that decide how many rows a case has in the application's tables. */
  private static final List<String> SHAPE = List.of("respondentCount", "propertyClues", "caseKind", "nonLitigation");

  @Test
  void twoNodesLoseNothingAndDoNothingTwiceWhenOneIsKilled() throws Exception {
    PostgresDatabase.recreate(DATABASE);
    Path dir = Path.of("target", "cluster").toAbsolutePath();
    FileSystemUtils.deleteRecursively(dir);
    for (String node : List.of("a", "b")) {
      Files.createDirectories(dir.resolve(node));
    }
    long began = System.nanoTime();
    // Both at once on the empty database: schema, migrations, deployment, organisation.
    ChildApplication a = ChildApplication.launch(dir.resolve("a"), "a", JVM, ARGS);
    ChildApplication b = ChildApplication.launch(dir.resolve("b"), "b", JVM, ARGS);
    ChildApplication[] nodes = {a.awaitReady(), b.awaitReady()};
    double startSeconds = (System.nanoTime() - began) / 1e9;
    try {
      assertThat(deployments()).as("one deployment of the process application, whoever deployed it").isEqualTo(1);
      AtomicIntegerArray ports = new AtomicIntegerArray(new int[] {a.port(), b.port()});
      RestStaff staff = new RestStaff(ports, RestStaff.seedStaff());

      AtomicInteger next = new AtomicInteger();
      AtomicInteger done = new AtomicInteger();
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      long walkBegan = System.nanoTime();
      ExecutorService walkers = Executors.newFixedThreadPool(STAFF_THREADS);
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < STAFF_THREADS; t++) {
        running.add(walkers.submit(() -> {
          for (int i; (i = next.getAndIncrement()) < CASES && failures.isEmpty(); ) {
            try {
              work(staff, DemoFilings.FIRST_SERIAL + i);
              done.incrementAndGet();
            } catch (Throwable e) {
              failures.add(e);
            }
          }
        }));
      }
      walkers.shutdown();

      // Halfway, node a dies as a power cut would take it; it is started again at once.
      while (done.get() < CASES / 2 && failures.isEmpty() && !walkers.isTerminated()) {
        Thread.sleep(20);
      }
      int killedAt = done.get();
      int inFlightRequestsBefore = staff.answered.get(0);
      nodes[0].kill();
      ports.set(0, 0);
      CompletableFuture<ChildApplication> restarted = CompletableFuture.supplyAsync(() -> {
        try {
          return ChildApplication.launch(dir.resolve("a"), "a-restarted", JVM, ARGS).awaitReady();
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      nodes[0] = restarted.join();
      ports.set(0, nodes[0].port());
      int caseAtRestart = done.get();

      for (Future<?> walker : running) {
        walker.get();
      }
      double minutes = (System.nanoTime() - walkBegan) / 6e10;
      if (!failures.isEmpty()) {
        throw new AssertionError(failures.get(0));
      }
      System.out.printf("cluster: %d cases in %.1f min (%.2f cases/s), requests answered a=%d b=%d, "
              + "node a killed at case %d (after %d of its requests), back at case %d, %d requests retried "
              + "on the other node; both nodes started at once in %.1f s%n",
          CASES, minutes, CASES / (minutes * 60), staff.answered.get(0), staff.answered.get(1), killedAt,
          inFlightRequestsBefore, caseAtRestart, staff.retries.get(), startSeconds);

      assertThat(staff.retries.get()).as("requests that met the killed node").isPositive();
      int port = nodes[1].port();
      assertThat(count(port, "/engine-rest/history/process-instance/count?processDefinitionKey=enforcement-case"
          + "&finished=true")).as("cases ended").isEqualTo(CASES);
      assertThat(count(port, "/engine-rest/history/process-instance/count?processDefinitionKey=enforcement-case"))
          .as("cases filed (none twice)").isEqualTo(CASES);
      assertThat(count(port, "/engine-rest/process-instance/count")).as("instances still running").isZero();
      assertThat(count(port, "/engine-rest/incident/count")).as("incidents").isZero();
      assertThat(count(port, "/engine-rest/job/count?withException=true")).as("failed jobs").isZero();

      JsonNode verification = RestStaff.read(StaffClient.rest(port, RestStaff.SUPERVISOR, RestStaff.PASSWORD)
          .get("/api/allocation/verification"));
      assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
      assertThat(verification.get("checked").asLong()).as("draws in the ledger").isEqualTo(CASES);
      assertOncePerStep();
      assertSideEffectsOncePerCase();
    } finally {
      for (ChildApplication node : nodes) {
        node.close();
      }
    }
  }

  /** One case from filing to archive, on its node and the other when it dies. */
  private static void work(RestStaff staff, int serial) {
    String caseNumber = DemoFilings.caseNumber(serial);
    RestStaff.Case work = staff.new Case(caseNumber, serial);
    work.file(DemoFilings.filing(serial, FILED));
    work.walk(route(caseNumber).take());
  }

  static CaseRoute route(String caseNumber) {
    return new CaseRoute(caseNumber, FILED, LocalDate.now()).verifyFiling().reception("被执行人下落不明")
        .documents("direct").dossier().startInquiry(false).triageFacts(false, false).confirmTrack("ordinary", null)
        .allocate().nameTeamHandler().interviewBothParties().proposeClosure("fully-performed", null)
        .registerClosure().archive("档-2026-执-" + caseNumber.replaceAll("\\D", ""));
  }

  /**
   * Each case's activities (in the case and its dossier) ran as often as its route has steps:
   * no task completed twice, the allocation job and the closure message once.
   */
  private static void assertOncePerStep() throws SQLException {
    Map<String, Long> expected = route(DemoFilings.caseNumber(DemoFilings.FIRST_SERIAL)).take().stream()
        .collect(Collectors.groupingBy(Step::taskKey, TreeMap::new, Collectors.counting()));
    expected.put("Event_CaseClosed", 1L);
    expected.put("Task_NotifyDossierOfClosure", 1L);
    String in = expected.keySet().stream().map(key -> "'" + key + "'").collect(Collectors.joining(","));
    Map<String, Map<String, Long>> ran = new HashMap<>();
    query("""
        select p.business_key_, a.act_id_, count(*) from act_hi_actinst a
        join act_hi_procinst p on p.id_ = a.proc_inst_id_ where a.act_id_ in (%s) group by 1, 2""".formatted(in),
        rs -> ran.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3)));
    assertThat(ran).hasSize(CASES);
    ran.forEach((caseNumber, activities) -> assertThat(activities).as(caseNumber).isEqualTo(expected));
  }

  /**
   * Every application table with a case number has, per case, as many rows as every other case
   * of the same shape (the filing's fields that decide what is recorded): a filing, draw or record
   * done twice shows as one case out of line. The draw is once per case; the sweep's reminders and
   * overdue notices, which depend on when it ran, are once per task, stage and recipient.
   */
  /** Written by the escalation sweep: one row per task (court_node_deadline's key) and per stage and recipient. */
  private static final List<String> SWEPT = List.of("court_node_deadline", "court_notification");

  private static void assertSideEffectsOncePerCase() throws SQLException {
    Map<String, String> shape = new HashMap<>();
    for (int i = 0; i < CASES; i++) {
      int serial = DemoFilings.FIRST_SERIAL + i;
      Map<String, Object> filing = DemoFilings.filing(serial, FILED);
      shape.put(DemoFilings.caseNumber(serial), SHAPE.stream().map(name -> name + "=" + filing.get(name))
          .collect(Collectors.joining(",")));
    }
    List<String> tables = new ArrayList<>();
    query("""
        select table_name from information_schema.columns where table_schema = 'public'
        and column_name = 'case_number' order by 1""", rs -> tables.add(rs.getString(1)));
    assertThat(tables).contains("allocation_draw", "court_notification", "court_node_deadline", "case_measure");
    // The escalation sweep's rows depend on when it ran (every 15 minutes, on either node) and which
    // tasks were open then, not on the case's shape: each must be there once per task and stage.
    tables.removeAll(SWEPT);
    List<String> twice = new ArrayList<>();
    query("""
        select task_id, kind, recipient from court_notification where task_id is not null
        group by task_id, kind, recipient having count(*) > 1""",
        rs -> twice.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)));
    assertThat(twice).as("notifications sent twice (task, kind, recipient)").isEmpty();
    Map<String, Map<String, List<Long>>> summary = new TreeMap<>();
    for (String table : tables) {
      Map<String, Long> rows = new HashMap<>();
      query("select case_number, count(*) from " + table + " group by case_number",
          rs -> rows.put(rs.getString(1), rs.getLong(2)));
      Map<String, List<Long>> perShape = shape.entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue,
          TreeMap::new, Collectors.mapping(e -> rows.getOrDefault(e.getKey(), 0L),
              Collectors.collectingAndThen(Collectors.toSet(), set -> set.stream().sorted().toList()))));
      summary.put(table, perShape);
      perShape.forEach((kind, counts) -> assertThat(counts).as("rows per case in %s (cases %s)", table, kind)
          .hasSize(1));
    }
    System.out.println("cluster: rows per case (tables with any; several figures = by shape of filing): "
        + summary.entrySet().stream().filter(table -> table.getValue().values().stream().flatMap(List::stream)
            .anyMatch(n -> n > 0)).map(table -> table.getKey() + "=" + table.getValue().values().stream()
            .flatMap(List::stream).collect(Collectors.toCollection(java.util.TreeSet::new)))
        .collect(Collectors.joining(", ")));
    assertThat(summary.get("allocation_draw").values()).allSatisfy(counts -> assertThat(counts).containsExactly(1L));
  }

  private static int deployments() throws SQLException {
    AtomicInteger n = new AtomicInteger();
    query("select count(*) from act_re_deployment", rs -> n.set(rs.getInt(1)));
    return n.get();
  }

  private static long count(int port, String path) {
    return RestStaff.read(StaffClient.rest(port, "admin", RestStaff.PASSWORD).get(path)).get("count").asLong();
  }

  private interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  private static void query(String sql, Row row) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, "postgres", "");
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        row.read(rs);
      }
    }
  }
}
