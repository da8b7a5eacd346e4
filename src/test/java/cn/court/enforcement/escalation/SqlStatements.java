package cn.court.enforcement.escalation;

import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts the SQL statements the H2 database runs (its {@code QUERY_STATISTICS}, for every
 * connection), from {@link #start} on: tests in the {@link TimeLimitsSpringTest} context, where
 * no job executor runs beside them, prove what a step costs.
 */
public final class SqlStatements implements AutoCloseable {

  private final JdbcTemplate jdbc;

  private SqlStatements(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public static SqlStatements start(JdbcTemplate jdbc) {
    jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
    jdbc.execute("SET QUERY_STATISTICS FALSE");
    jdbc.execute("SET QUERY_STATISTICS TRUE");
    return new SqlStatements(jdbc);
  }

  /** Statements run so far that name {@code table} (each execution counts). */
  public int on(String table) {
    return jdbc.queryForObject("select coalesce(sum(EXECUTION_COUNT), 0) from INFORMATION_SCHEMA.QUERY_STATISTICS "
        + "where lower(SQL_STATEMENT) like ? and SQL_STATEMENT not like '%QUERY_STATISTICS%'", Integer.class,
        "%" + table.toLowerCase(Locale.ROOT) + "%");
  }

  @Override
  public void close() {
    jdbc.execute("SET QUERY_STATISTICS FALSE");
  }
}
