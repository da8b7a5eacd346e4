package cn.court.enforcement.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies of real cases for the scale benchmarks: the rows one walked case left in a table, read
 * once, written again with new ids (and whatever else the caller renames) as many times as the
 * benchmark needs open cases. Thousands of times faster than walking each case, and the pages
 * measured read only these rows.
 */
final class ScaleCopies {

  private ScaleCopies() {
  }

  /** {@code select * from table where ...}, every {@code ?} bound to {@code value}; columns upper-case. */
  static List<Map<String, Object>> rows(Connection connection, String table, String where, Object value)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("select * from " + table + " where " + where)) {
      for (int p = 1; p <= select.getParameterMetaData().getParameterCount(); p++) {
        select.setObject(p, value);
      }
      try (ResultSet result = select.executeQuery()) {
        ResultSetMetaData meta = result.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (result.next()) {
          Map<String, Object> row = new HashMap<>();
          for (int c = 1; c <= meta.getColumnCount(); c++) {
            row.put(meta.getColumnName(c).toUpperCase(), result.getObject(c));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  /** Executions in an order their parent-child keys accept. */
  static List<Map<String, Object>> parentsFirst(List<Map<String, Object>> executions) {
    List<Map<String, Object>> ordered = new ArrayList<>();
    Set<Object> placed = new HashSet<>();
    while (ordered.size() < executions.size()) {
      for (Map<String, Object> execution : executions) {
        Object parent = execution.get("PARENT_ID_");
        if (!placed.contains(execution.get("ID_")) && (parent == null || placed.contains(parent))) {
          ordered.add(execution);
          placed.add(execution.get("ID_"));
        }
      }
    }
    return ordered;
  }

  /**
   * A copy of {@code row}: text values found in {@code renamed} replaced (ids, case numbers,
   * people), timestamps moved {@code olderMillis} into the past.
   */
  static Map<String, Object> replaced(Map<String, Object> row, Map<?, ?> renamed, long olderMillis) {
    Map<String, Object> copy = new HashMap<>();
    row.forEach((column, value) -> {
      Object renamedValue = value == null ? null : renamed.get(value);
      copy.put(column, renamedValue != null ? renamedValue
          : value instanceof Timestamp time ? new Timestamp(time.getTime() - olderMillis) : value);
    });
    return copy;
  }

  /** Batch insert of rows that all have the same columns. */
  static void insert(Connection connection, String table, List<Map<String, Object>> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    List<String> columns = new ArrayList<>(rows.get(0).keySet());
    String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
        + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (Map<String, Object> row : rows) {
        for (int c = 0; c < columns.size(); c++) {
          insert.setObject(c + 1, row.get(columns.get(c)));
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * What autovacuum does after a day's work (docs/operations.md): the planner needs the new sizes,
   * and PostgreSQL's index-only scans the visibility map (without it each index entry also reads its row).
   */
  static void analyze(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true);
    try (Statement analyze = connection.createStatement()) {
      analyze.execute(connection.getMetaData().getDatabaseProductName().equals("PostgreSQL") ? "vacuum analyze" : "analyze");
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }
}
