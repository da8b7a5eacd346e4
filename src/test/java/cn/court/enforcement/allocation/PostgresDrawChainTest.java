package cn.court.enforcement.allocation;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same contract on PostgreSQL (row locks behave differently from H2). Uses the server on
 * this machine, database {@code test}; fails (never skips) where there is none. URL overridable with
 * {@code -Dallocation.test.postgres=jdbc:postgresql://host:port/db?user=...}.
 */
class PostgresDrawChainTest extends DrawChainContract {

  private static final String URL = System.getProperty("allocation.test.postgres",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private String schema;

  @Override
  HikariDataSource newDataSource() {
    schema = "allocation_test_" + Long.toHexString(System.nanoTime());
    try (Connection connection = DriverManager.getConnection(URL)) {
      connection.createStatement().execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + URL + " is needed for this test: " + e.getMessage(), e);
    }
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(URL + "&currentSchema=" + schema);
    dataSource.setMaximumPoolSize(5);
    return dataSource;
  }

  @Override
  void dropDatabase(JdbcTemplate jdbc) {
    jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
  }
}
