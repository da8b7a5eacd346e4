package cn.court.enforcement.benchmark;

import cn.court.enforcement.support.PostgresDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * What the database can commit at most, the ceiling the engine's figures are read against:
 * pgbench's TPC-B on a scratch database when pgbench is on the PATH and the database is PostgreSQL,
 * else a JDBC loop inserting one row and committing, per client, through the application's pool.
 */
final class DatabaseCeiling {

  /** One ceiling: what was run and the transactions per second with 1 and 2 clients. */
  record Ceiling(String method, double oneClient, double twoClients) {
  }

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
  private static final String PGBENCH_DATABASE = "enforcement_bench_pgbench";

  private DatabaseCeiling() {
  }

  static Ceiling postgres(DataSource dataSource) {
    if (onPath("pgbench")) {
      PostgresDatabase.recreate(PGBENCH_DATABASE);
      pgbench("-i", "-q", "-s", "1");
      int seconds = BenchmarkReport.seconds(20);
      return new Ceiling("pgbench TPC-B (-s 1, -T " + seconds + ")",
          tps(pgbench("-c", "1", "-j", "1", "-T", String.valueOf(seconds))),
          tps(pgbench("-c", "2", "-j", "2", "-T", String.valueOf(seconds))));
    }
    return jdbc(dataSource);
  }

  /** A JDBC loop on its own table of the database: one single-row insert and commit per transaction. */
  static Ceiling jdbc(DataSource dataSource) {
    int seconds = BenchmarkReport.seconds(20);
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().execute("drop table if exists bench_ceiling");
      c.createStatement().execute("create table bench_ceiling (id bigint primary key, thread int, note varchar(100))");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    Ceiling ceiling = new Ceiling("JDBC single-row insert + commit (" + seconds + " s)",
        loop(dataSource, 1, seconds), loop(dataSource, 2, seconds));
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().execute("drop table bench_ceiling");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ceiling;
  }

  private static double loop(DataSource dataSource, int threads, int seconds) {
    Connection[] connections = new Connection[threads];
    PreparedStatement[] inserts = new PreparedStatement[threads];
    long base = System.nanoTime();
    try {
      for (int t = 0; t < threads; t++) {
        connections[t] = dataSource.getConnection();
        connections[t].setAutoCommit(false);
        inserts[t] = connections[t].prepareStatement("insert into bench_ceiling (id, thread, note) values (?, ?, ?)");
      }
      return Timed.run(threads, seconds, (thread, k) -> {
        PreparedStatement insert = inserts[thread];
        insert.setLong(1, base + (long) k * threads + thread);
        insert.setInt(2, thread);
        insert.setString(3, "一行");
        insert.executeUpdate();
        connections[thread].commit();
        return 1;
      }).perSecond();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      for (Connection c : connections) {
        try {
          if (c != null) {
            c.close();
          }
        } catch (SQLException ignored) {
          // closing after the measurement; nothing to keep
        }
      }
    }
  }

  private static String pgbench(String... arguments) {
    List<String> command = new java.util.ArrayList<>(List.of("pgbench", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres"));
    command.addAll(List.of(arguments));
    command.add(PGBENCH_DATABASE);
    try {
      Path output = Files.createTempFile("pgbench", ".txt");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(output));
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      Files.delete(output);
      return text;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double tps(String output) {
    Matcher m = TPS.matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("no tps in pgbench's output: " + output);
    }
    return Double.parseDouble(m.group(1));
  }

  private static boolean onPath(String program) {
    return java.util.stream.Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }
}
