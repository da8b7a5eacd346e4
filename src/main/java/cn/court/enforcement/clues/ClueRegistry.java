package cn.court.enforcement.clues;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The clues of each case (table {@code case_clue}), one row per verification instance. Uses the
 * engine's DataSource and transaction: a refused step records no clue and no result.
 */
@Repository
public class ClueRegistry {

  private static final String COLUMNS = "case_number, source, channel, description, process_instance_id, recorded_at, "
      + "result, result_notes, verified_on, verified_by";

  private final JdbcTemplate jdbc;

  public ClueRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String caseNumber, String source, String channel, String description, String processInstanceId,
      String recordedBy) {
    jdbc.update("""
        INSERT INTO case_clue (case_number, source, channel, description, process_instance_id, recorded_by, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""",
        caseNumber, source, channel, description, processInstanceId, recordedBy, Timestamp.valueOf(LocalDateTime.now()));
  }

  /** The result of the clue verified by the instance. */
  public void recordResult(String processInstanceId, String result, String notes, LocalDate verifiedOn, String verifiedBy) {
    int updated = jdbc.update("UPDATE case_clue SET result = ?, result_notes = ?, verified_on = ?, verified_by = ? "
        + "WHERE process_instance_id = ?", result, notes, verifiedOn, verifiedBy, processInstanceId);
    if (updated != 1) {
      throw new IllegalStateException("No property clue is recorded for verification " + processInstanceId);
    }
  }

  /** The case's clues in the order they were given. */
  public List<Clue> ofCase(String caseNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM case_clue WHERE case_number = ? ORDER BY id", ClueRegistry::clue,
        caseNumber);
  }

  public List<Clue> unverified(String caseNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM case_clue WHERE case_number = ? AND result IS NULL ORDER BY id",
        ClueRegistry::clue, caseNumber);
  }

  private static Clue clue(ResultSet row, int n) throws SQLException {
    java.sql.Date verifiedOn = row.getDate("verified_on");
    return new Clue(row.getString("case_number"), row.getString("source"), row.getString("channel"),
        row.getString("description"), row.getString("process_instance_id"),
        row.getTimestamp("recorded_at").toLocalDateTime(), row.getString("result"), row.getString("result_notes"),
        verifiedOn == null ? null : verifiedOn.toLocalDate(), row.getString("verified_by"));
  }
}
