package cn.court.enforcement.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh database on the PostgreSQL server of this machine (127.0.0.1:5432, user postgres,
 * trust auth) for one test class. No skipping: without the server the test fails.
 */
public final class PostgresDatabase {

  public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  private PostgresDatabase() {
  }

  /**
   * Drops and creates {@code database} with the planner settings production's server gets
   * (docker-compose.yml, docs/operations.md), so plans and figures measured here are production's;
   * call from the test class's static initializer.
   */
  public static void recreate(String database) {
    try (Connection c = DriverManager.getConnection(SERVER + "test", "postgres", "");
         Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + database);
      s.execute("ALTER DATABASE " + database + " SET jit = off");
      s.execute("ALTER DATABASE " + database + " SET random_page_cost = 1.1");
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed for this test: " + e.getMessage(), e);
    }
  }
}
