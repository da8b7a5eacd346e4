package cn.court.enforcement.startup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.demo.CaseRoute;
import cn.court.enforcement.demo.DemoFilings;
import cn.court.enforcement.support.ChildApplication;
import cn.court.enforcement.support.FormSubmissions;
import cn.court.enforcement.support.PostgresDatabase;
import cn.court.enforcement.support.RestStaff;
import cn.court.enforcement.support.StaffClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * kill -9 of the running application loses no acknowledged work. The real application runs in
 * a child JVM; the filing clerk files cases over REST from several threads, the child is killed
 * (SIGKILL) while filings are in flight, restarted on the same database, and every filing it
 * had answered 200 must be there. A filing is the representative write: one engine transaction
 * with the start form's variables, history and the first tasks. Beside the clerks, one member of
 * staff takes cases on through intake, triage and <b>random allocation</b> (the job executor's
 * job, writing the chained ledger) to the team leader naming the handler: after the restart every
 * step that was answered is in the history, every draw seen is there, and the ledger verifies.
 *
 * <p>H2 runs on the default profile exactly as shipped: the child's working directory is fresh,
 * so {@code application.yml}'s own {@code ./data/enforcement} URL is used, not an override.
 * PostgreSQL runs the default profile with only the datasource pointed at a fresh database: the
 * {@code postgres} profile differs in credentials and passwords alone, nothing that touches how
 * a commit reaches the disk, and the demo passwords let the test log in.
 */
class KillDuringWorkTest {

  private static final String CLERK = "lianyuan";
  private static final String SUPERVISOR = "wanghui"; // command-center: reads every case
  private static final String PASSWORD = "demo";
  private static final int CLIENTS = 3;
  /** Draws seen before the kill, so the ledger checked after it has records written under load. */
  private static final int DRAWS_BEFORE_KILL = 2;
  /** Before WRITE_DELAY=0, kill -9 after 124 filings (3 s) lost the last 3 of them on H2. */
  private static final int ACKNOWLEDGED_BEFORE_KILL = 60;
  private static final Duration LOAD_AT_MOST = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATABASE = "enforcement_kill";

  private static CompletableFuture<Run> h2;
  private static CompletableFuture<Run> postgres;

  /**
   * Both databases' runs at once, each in its own thread: a run is mostly two start-ups of a
   * child JVM, which use one core each, and the machine has two. Each test waits for its own.
   */
  @BeforeAll
  static void runBoth() {
    h2 = inThread("h2", () -> survivesKill("h2"));
    postgres = inThread("postgres", () -> {
      PostgresDatabase.recreate(DATABASE);
      return survivesKill("postgres", "--spring.datasource.url=" + PostgresDatabase.SERVER + DATABASE,
          "--spring.datasource.username=postgres", "--spring.datasource.password=");
    });
  }

  @Test
  void h2DefaultProfileKeepsEveryAcknowledgedFiling() throws Throwable {
    Run result = outcome(h2);
    assertThat(result.listeningPorts()).as("embedded H2 opens no port of its own (no AUTO_SERVER)")
        .containsExactly(result.port());
  }

  @Test
  void postgresKeepsEveryAcknowledgedFiling() throws Throwable {
    outcome(postgres);
  }

  private static CompletableFuture<Run> inThread(String name, Callable<Run> run) {
    CompletableFuture<Run> result = new CompletableFuture<>();
    new Thread(() -> {
      try {
        result.complete(run.call());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }, "kill-during-work-" + name).start();
    return result;
  }

  /** The run's result, or what failed in it (an assertion) thrown as it was. */
  private static Run outcome(CompletableFuture<Run> run) throws Throwable {
    try {
      return run.join();
    } catch (CompletionException e) {
      throw e.getCause();
    }
  }

  private static Run survivesKill(String name, String... datasource) throws Exception {
    Path dir = Path.of("target", "kill-during-work", name).toAbsolutePath();
    FileSystemUtils.deleteRecursively(dir);
    Files.createDirectories(dir);
    long began = System.nanoTime();

    Set<String> acknowledged = ConcurrentHashMap.newKeySet(); // case numbers
    Run run;
    Load load;
    int inFlightAtKill;
    try (ChildApplication child = ChildApplication.start(dir, "first", datasource)) {
      run = new Run(child.port(), child.listeningPorts());
      load = new Load(run.port(), acknowledged);
      load.start();
      long deadline = System.nanoTime() + LOAD_AT_MOST.toNanos();
      while ((acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL || load.draws() < DRAWS_BEFORE_KILL)
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      inFlightAtKill = load.killWhileInFlight(child);
      assertThat(load.unexpected).as("answers other than 200 before the kill").isEmpty();
    }
    Set<String> found;
    Map<String, List<String>> stepsLost = new HashMap<>();
    JsonNode ledger;
    try (ChildApplication child = ChildApplication.start(dir, "restarted", datasource)) {
      found = filedCases(child.port());
      StaffClient supervisor = StaffClient.rest(child.port(), SUPERVISOR, PASSWORD);
      load.walked.forEach((caseNumber, steps) -> {
        List<String> missing = new ArrayList<>(steps);
        done(supervisor, caseNumber).forEach(missing::remove);
        if (!missing.isEmpty()) {
          stepsLost.put(caseNumber, missing);
        }
      });
      ledger = read(supervisor.get("/api/allocation/verification").body());
    }
    Set<String> lost = new HashSet<>(acknowledged);
    lost.removeAll(found);
    int steps = load.walked.values().stream().mapToInt(List::size).sum();
    System.out.printf("%s: %d filings acknowledged, %d in flight at kill, %d lost; %d steps of %d cases walked "
            + "(%d draws), %d lost; ledger: %s; %.1f s%n", name, acknowledged.size(), inFlightAtKill, lost.size(),
        steps, load.walked.size(), load.draws(), stepsLost.size(), ledger.get("message").asText(),
        (System.nanoTime() - began) / 1e9);

    assertThat(inFlightAtKill).isPositive();
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
    assertThat(lost).as("acknowledged filings missing after kill -9 (%s)", name).isEmpty();
    assertThat(load.draws()).isGreaterThanOrEqualTo(DRAWS_BEFORE_KILL);
    assertThat(stepsLost).as("acknowledged steps missing after kill -9 (%s)", name).isEmpty();
    assertThat(ledger.get("ok").asBoolean()).as("allocation ledger after kill -9 (%s): %s", name, ledger).isTrue();
    assertThat(ledger.get("checked").asInt()).as("draws in the ledger").isGreaterThanOrEqualTo(load.draws());
    return run;
  }

  /**
   * The case's finished tasks by activity, and the allocation once its draw is in the ledger
   * (read by a supervisor, as acknowledged steps are listed).
   */
  private static List<String> done(StaffClient supervisor, String caseNumber) {
    String key = URLEncoder.encode(caseNumber, StandardCharsets.UTF_8);
    List<String> done = new ArrayList<>();
    read(supervisor.get("/engine-rest/history/task?finished=true&processInstanceBusinessKey=" + key).body())
        .forEach(task -> done.add(task.get("taskDefinitionKey").asText()));
    if (!read(supervisor.get("/api/allocation/draws?caseNumber=" + key).body()).isEmpty()) {
      done.add(CaseRoute.ALLOCATION);
    }
    return done;
  }

  /** Business keys of all running case instances, read by a supervisor. */
  private static Set<String> filedCases(int port) {
    HttpResponse<String> response = StaffClient.rest(port, SUPERVISOR, PASSWORD)
        .get("/engine-rest/process-instance?processDefinitionKey=enforcement-case&maxResults=100000");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Set<String> keys = new HashSet<>();
    read(response.body()).forEach(instance -> keys.add(instance.get("businessKey").asText()));
    return keys;
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  /** Filing clerks filing cases without pause until the child dies. */
  private static final class Load {

    private static final LocalDate FILED = LocalDate.of(2026, 11, 2);

    final List<String> unexpected = new CopyOnWriteArrayList<>();
    /** The walked cases' acknowledged steps (task keys, the allocation's activity for its draw). */
    final Map<String, List<String>> walked = new ConcurrentHashMap<>();
    private final int port;
    private final AtomicIntegerArray ports;
    private final Set<String> acknowledged;
    private final AtomicInteger serial = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean killed = new AtomicBoolean();
    private final List<Thread> clients = new ArrayList<>();

    Load(int port, Set<String> acknowledged) {
      this.port = port;
      this.ports = new AtomicIntegerArray(new int[] {port});
      this.acknowledged = acknowledged;
    }

    void start() {
      for (int i = 0; i < CLIENTS; i++) {
        Thread client = new Thread(this::fileUntilKilled, "filing-clerk-" + i);
        client.start();
        clients.add(client);
      }
      Thread staff = new Thread(this::walkUntilKilled, "staff");
      staff.start();
      clients.add(staff);
    }

    int draws() {
      return (int) walked.values().stream().filter(steps -> steps.contains(CaseRoute.ALLOCATION)).count();
    }

    /** Cases filed and taken through random allocation to the team, step by step, until the node is gone. */
    private void walkUntilKilled() {
      RestStaff staff = new RestStaff(ports, RestStaff.seedStaff());
      try {
        while (!killed.get()) {
          int n = serial.incrementAndGet();
          String caseNumber = DemoFilings.caseNumber(n);
          RestStaff.Case work = staff.new Case(caseNumber, n);
          work.file(DemoFilings.filing(n, FILED));
          acknowledged.add(caseNumber);
          List<String> steps = new CopyOnWriteArrayList<>();
          walked.put(caseNumber, steps);
          work.walk(new CaseRoute(caseNumber, FILED, LocalDate.now()).verifyFiling().reception("被执行人下落不明")
              .documents("direct").startInquiry(false).triageFacts(false, false).confirmTrack("ordinary", null)
              .allocate().nameTeamHandler().take(), step -> steps.add(step.taskKey()));
        }
      } catch (RestStaff.NoNodeUp killedUnderIt) {
        // what was in flight was never acknowledged
      } catch (RuntimeException | AssertionError e) {
        if (!killed.get()) {
          unexpected.add("staff: " + e);
        }
      }
    }

    private void fileUntilKilled() {
      StaffClient clerk = StaffClient.rest(port, CLERK, PASSWORD);
      while (!killed.get()) {
        int n = serial.incrementAndGet();
        inFlight.incrementAndGet();
        try {
          HttpResponse<String> response = clerk.post(
              "/engine-rest/process-definition/key/enforcement-case/submit-form", FormSubmissions.variables(DemoFilings.filing(n, FILED)));
          if (response.statusCode() == 200) {
            acknowledged.add(DemoFilings.caseNumber(n));
          } else if (!killed.get()) {
            unexpected.add(response.statusCode() + " " + response.body());
          }
        } catch (UncheckedIOException e) {
          // The connection died with the child: never acknowledged, so nothing is owed.
        } finally {
          inFlight.decrementAndGet();
        }
      }
    }

    /** Kills the child at a moment a filing is under way; returns how many were. */
    int killWhileInFlight(ChildApplication child) throws InterruptedException {
      int atKill;
      while ((atKill = inFlight.get()) == 0) {
        Thread.onSpinWait();
      }
      child.kill();
      ports.set(0, 0);
      killed.set(true);
      for (Thread client : clients) {
        client.join(Duration.ofSeconds(30).toMillis());
      }
      return atKill;
    }
  }

  /** The first child's port and the ports it listened on. */
  record Run(int port, Set<Integer> listeningPorts) {
  }
}
