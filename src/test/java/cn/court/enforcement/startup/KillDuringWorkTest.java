package cn.court.enforcement.startup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.EnforcementApplication;
import cn.court.enforcement.demo.DemoFilings;
import cn.court.enforcement.support.FormSubmissions;
import cn.court.enforcement.support.PostgresDatabase;
import cn.court.enforcement.support.StaffClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * kill -9 of the running application loses no acknowledged work. The real application runs in
 * a child JVM; the filing clerk files cases over REST from several threads, the child is killed
 * (SIGKILL) while filings are in flight, restarted on the same database, and every filing it
 * had answered 200 must be there. A filing is the representative write: one engine transaction
 * with the start form's variables, history and the first tasks.
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
  /** Before WRITE_DELAY=0, kill -9 after 124 filings (3 s) lost the last 3 of them on H2. */
  private static final int ACKNOWLEDGED_BEFORE_KILL = 60;
  private static final Duration LOAD_AT_MOST = Duration.ofSeconds(30);
  private static final Duration START_UP = Duration.ofSeconds(150);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATABASE = "enforcement_kill";

  private static CompletableFuture<Child.Run> h2;
  private static CompletableFuture<Child.Run> postgres;

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
    Child.Run result = outcome(h2);
    assertThat(result.listeningPorts()).as("embedded H2 opens no port of its own (no AUTO_SERVER)")
        .containsExactly(result.port());
  }

  @Test
  void postgresKeepsEveryAcknowledgedFiling() throws Throwable {
    outcome(postgres);
  }

  private static CompletableFuture<Child.Run> inThread(String name, Callable<Child.Run> run) {
    CompletableFuture<Child.Run> result = new CompletableFuture<>();
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
  private static Child.Run outcome(CompletableFuture<Child.Run> run) throws Throwable {
    try {
      return run.join();
    } catch (CompletionException e) {
      throw e.getCause();
    }
  }

  private static Child.Run survivesKill(String name, String... datasource) throws Exception {
    Path dir = Path.of("target", "kill-during-work", name).toAbsolutePath();
    FileSystemUtils.deleteRecursively(dir);
    Files.createDirectories(dir);
    long began = System.nanoTime();

    Map<String, String> acknowledged = new ConcurrentHashMap<>(); // case number -> instance id
    Child.Run run;
    int inFlightAtKill;
    try (Child child = Child.start(dir, "first", datasource)) {
      run = child.run();
      Load load = new Load(run.port(), acknowledged);
      load.start();
      long deadline = System.nanoTime() + LOAD_AT_MOST.toNanos();
      while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      inFlightAtKill = load.killWhileInFlight(child);
      assertThat(load.unexpected).as("answers other than 200 before the kill").isEmpty();
    }
    Set<String> found;
    try (Child child = Child.start(dir, "restarted", datasource)) {
      found = filedCases(child.run().port());
    }
    Set<String> lost = new HashSet<>(acknowledged.keySet());
    lost.removeAll(found);
    System.out.printf("%s: %d filings acknowledged, %d in flight at kill, %d lost, %.1f s%n", name,
        acknowledged.size(), inFlightAtKill, lost.size(), (System.nanoTime() - began) / 1e9);

    assertThat(inFlightAtKill).isPositive();
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
    assertThat(lost).as("acknowledged filings missing after kill -9 (%s)", name).isEmpty();
    return run;
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
    private final int port;
    private final Map<String, String> acknowledged;
    private final AtomicInteger serial = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean killed = new AtomicBoolean();
    private final List<Thread> clients = new ArrayList<>();

    Load(int port, Map<String, String> acknowledged) {
      this.port = port;
      this.acknowledged = acknowledged;
    }

    void start() {
      for (int i = 0; i < CLIENTS; i++) {
        Thread client = new Thread(this::fileUntilKilled, "filing-clerk-" + i);
        client.start();
        clients.add(client);
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
            acknowledged.put(DemoFilings.caseNumber(n), read(response.body()).get("id").asText());
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
    int killWhileInFlight(Child child) throws InterruptedException {
      int atKill;
      while ((atKill = inFlight.get()) == 0) {
        Thread.onSpinWait();
      }
      child.kill();
      killed.set(true);
      for (Thread client : clients) {
        client.join(Duration.ofSeconds(30).toMillis());
      }
      return atKill;
    }
  }

  /**
   * The application in its own JVM, on the main classpath only (the test resources would swap
   * in an in-memory database and switch the job executor off). Killed on close and on exit of
   * the test JVM; its output is in {@code <dir>/<name>.log}.
   */
  private static final class Child implements AutoCloseable {

    record Run(int port, Set<Integer> listeningPorts) {
    }

    private final Process process;
    private final Thread killOnExit;
    private final Path log;
    private Run run;

    private Child(Process process, Path log) {
      this.process = process;
      this.log = log;
      this.killOnExit = new Thread(process::destroyForcibly);
      Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    static Child start(Path dir, String name, String... args) throws IOException, InterruptedException {
      int port = freePort();
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", mainClasspath(),
          EnforcementApplication.class.getName(), "--server.port=" + port));
      command.addAll(List.of(args));
      Path log = dir.resolve(name + ".log");
      Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      Child child = new Child(process, log);
      try {
        child.awaitReady(port);
      } catch (RuntimeException | Error e) {
        child.close();
        throw e;
      }
      return child;
    }

    Run run() {
      return run;
    }

    private void awaitReady(int port) throws InterruptedException, IOException {
      long deadline = System.nanoTime() + START_UP.toNanos();
      StaffClient clerk = StaffClient.rest(port, CLERK, PASSWORD);
      while (System.nanoTime() < deadline) {
        assertThat(process.isAlive()).as("child exited during start-up, see %s", log).isTrue();
        try {
          if (clerk.get("/engine-rest/process-definition/key/enforcement-case").statusCode() == 200) {
            run = new Run(port, listeningPorts(process.pid()));
            return;
          }
        } catch (UncheckedIOException notYetListening) {
          // keep polling
        }
        Thread.sleep(250);
      }
      throw new AssertionError("child not ready within " + START_UP + ", see " + log);
    }

    void kill() throws InterruptedException {
      process.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no H2 close
      process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
      kill();
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      }
    }

    private static String mainClasspath() {
      String testClasses;
      try {
        testClasses = Path.of(KillDuringWorkTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
      return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
          .map(entry -> Path.of(entry).toAbsolutePath().toString())
          .filter(entry -> !entry.equals(testClasses))
          .collect(Collectors.joining(File.pathSeparator));
    }

    /** TCP ports the process listens on (Linux: its socket inodes matched in /proc/net/tcp{,6}). */
    private static Set<Integer> listeningPorts(long pid) throws IOException {
      Set<String> inodes = new HashSet<>();
      try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
        fds.forEach(fd -> {
          try {
            String target = Files.readSymbolicLink(fd).toString();
            if (target.startsWith("socket:[")) {
              inodes.add(target.substring(8, target.length() - 1));
            }
          } catch (IOException closedMeanwhile) {
            // an fd closed between listing and reading is no listening socket
          }
        });
      }
      Set<Integer> ports = new HashSet<>();
      for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
        List<String> lines = Files.readAllLines(Path.of(table));
        for (String line : lines.subList(1, lines.size())) { // after the header
          String[] f = line.trim().split("\\s+");
          if (f[3].equals("0A") && inodes.contains(f[9])) { // 0A = LISTEN
            ports.add(Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16));
          }
        }
      }
      return ports;
    }
  }
}
