package cn.court.enforcement.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.EnforcementApplication;
import cn.court.enforcement.support.ChildApplication;
import cn.court.enforcement.support.PostgresDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not part of the suite: start-up of the application as shipped (the main class in a
 * child JVM with no JVM options, as the Dockerfile runs the jar) until its readiness probe answers
 * UP ({@code /actuator/health/readiness}: the database answers, the engine is built, the
 * deployment done), on a new database and again on the same database (a restart), H2 (the
 * default profile's file database) and PostgreSQL. Target: < 15 s.
 *
 * <pre>mvn -B -ntp test -Dtest=ScaleStartupBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ScaleStartupBenchmark {

  static final String DATABASE = "enforcement_scale_startup";
  static final Duration AT_MOST = Duration.ofSeconds(180);
  static final double TARGET_SECONDS = 15;
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  @Tag("h2")
  void onH2() throws Exception {
    measure("H2 (file, default profile)");
  }

  @Test
  @Tag("postgres")
  void onPostgres() throws Exception {
    PostgresDatabase.recreate(DATABASE);
    measure("PostgreSQL 15 (localhost)", "--spring.datasource.url=" + PostgresDatabase.SERVER + DATABASE,
        "--spring.datasource.username=postgres", "--spring.datasource.password=");
  }

  private static void measure(String database, String... args) throws Exception {
    ScaleReport report = new ScaleReport("Scale: start-up, " + database);
    Path dir = Files.createTempDirectory("scale-startup");
    line(report, "start on a new database", dir, args);
    line(report, "restart on the same database", dir, args);
    report.note("A child JVM of the application's main class with the test run's classpath and no JVM options, "
        + "timed from the process start to the first 200 of `/actuator/health/readiness`, then stopped.");
    report.append();
  }

  private static void line(ScaleReport report, String figure, Path dir, String... args) throws Exception {
    double seconds = startAndStop(dir, args);
    report.row(figure, String.format(Locale.ROOT, "%.1f s to ready", seconds), "< 15 s",
        ScaleReport.verdict(seconds < TARGET_SECONDS));
  }

  /** Seconds from the child's start to its readiness probe's first UP; the child is stopped after. */
  private static double startAndStop(Path dir, String... args) throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", ChildApplication.mainClasspath(), EnforcementApplication.class.getName(), "--server.port=" + port));
    command.addAll(List.of(args));
    Path log = dir.resolve("child-" + System.nanoTime() + ".log");
    long start = System.nanoTime();
    Process child = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
          .timeout(Duration.ofSeconds(2)).build();
      long deadline = start + AT_MOST.toNanos();
      while (System.nanoTime() < deadline) {
        assertThat(child.isAlive()).as("child exited during start-up, see %s", log).isTrue();
        try {
          if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return (System.nanoTime() - start) / 1e9;
          }
        } catch (IOException notYetListening) {
          // keep polling
        }
        Thread.sleep(50);
      }
      throw new AssertionError("child not ready within " + AT_MOST + ", see " + log);
    } finally {
      child.destroy();
      if (!child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        child.destroyForcibly().waitFor();
      }
    }
  }
}
