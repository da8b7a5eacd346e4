package cn.court.enforcement.benchmark;

import cn.court.enforcement.support.PostgresDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The report of one {@code mvn test -Pbenchmark} run, {@code target/benchmark-report.md}: every
 * benchmark class prints its sections and appends them here. The first section written in this
 * JVM (surefire runs all benchmark classes in one fork) starts the file anew with the machine, so a
 * report never mixes runs, whichever class comes first.
 */
public final class BenchmarkReport {

  public static final Path FILE = Path.of("target", "benchmark-report.md");

  /** {@code -Dbenchmark.quick=true}: small sizes and short runs, to check that the command works. */
  public static final boolean QUICK = Boolean.getBoolean("benchmark.quick");

  private static boolean started;

  private BenchmarkReport() {
  }

  /** Seconds of a timed run: {@code full} normally, 3 s when quick. */
  public static int seconds(int full) {
    return QUICK ? Math.min(full, 3) : full;
  }

  /** A count: {@code full} normally, {@code quick} when quick. */
  public static int size(int full, int quick) {
    return QUICK ? quick : full;
  }

  /** Prints the section and appends it (a heading and markdown) to the report. */
  public static synchronized void section(String heading, String markdown) {
    String text = "## " + heading + "\n\n" + markdown.strip() + "\n\n";
    System.out.print("BENCHMARK " + text);
    try {
      Files.createDirectories(FILE.getParent());
      if (!started) {
        started = true;
        Files.writeString(FILE, header());
      }
      Files.writeString(FILE, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A markdown table: the header row, then the rows. */
  public static String table(List<String> header, List<List<String>> rows) {
    StringBuilder table = new StringBuilder("| " + String.join(" | ", header) + " |\n|");
    header.forEach(column -> table.append("---|"));
    table.append('\n');
    rows.forEach(row -> table.append("| ").append(String.join(" | ", row)).append(" |\n"));
    return table.toString();
  }

  /** A figure with at most one decimal and thousands separators: 2,157 or 57.3. */
  public static String figure(double value) {
    return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
  }

  /** "met" or "missed" with the target: {@code ≥ 0.3 × TPC-B: met}. */
  public static String target(String target, boolean met) {
    return target + ": " + (met ? "met" : "**missed**");
  }

  private static String header() {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    return "# Benchmark report\n\n" + table(List.of("", ""), List.of(
        List.of("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()),
        List.of("cores", String.valueOf(Runtime.getRuntime().availableProcessors())),
        List.of("kernel (`uname -r`)", read("/proc/sys/kernel/osrelease")),
        List.of("load average at start (1, 5, 15 min)", String.join(", ",
            List.of(read("/proc/loadavg").split(" ")).subList(0, 3))),
        List.of("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")),
        List.of("PostgreSQL", postgresVersion()),
        List.of("databases, quick", System.getProperty("benchmark.database", "both") + ", " + QUICK),
        List.of("JVM started", Instant.ofEpochMilli(jvmStart).truncatedTo(ChronoUnit.SECONDS).toString())))
        + "\n";
  }

  private static String postgresVersion() {
    try (Connection c = DriverManager.getConnection(PostgresDatabase.SERVER + "postgres", "postgres", "");
         ResultSet r = c.createStatement().executeQuery("show server_version")) {
      r.next();
      return r.getString(1) + " (127.0.0.1:5432, synchronous_commit "
          + setting(c, "synchronous_commit") + ", shared_buffers " + setting(c, "shared_buffers") + ")";
    } catch (SQLException e) {
      return "not reachable: " + e.getMessage();
    }
  }

  private static String setting(Connection c, String name) throws SQLException {
    try (ResultSet r = c.createStatement().executeQuery("show " + name)) {
      r.next();
      return r.getString(1);
    }
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file)).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
