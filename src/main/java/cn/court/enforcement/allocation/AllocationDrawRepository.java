package cn.court.enforcement.allocation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code allocation_draw}: insert and read only, never update or delete. */
@Repository
public class AllocationDrawRepository {

  private static final String COLUMNS = "id, case_number, process_instance_id, candidates, "
      + "excluded, draw_value, chosen_team, drawn_at, previous_hash, hash";

  private final JdbcTemplate jdbc;

  public AllocationDrawRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Locks the chain head until the surrounding transaction ends; appends go through here. */
  public ChainHead lockHead() {
    return jdbc.queryForObject(
        "SELECT last_id, last_hash FROM allocation_chain_head WHERE id = 1 FOR UPDATE",
        (rs, row) -> new ChainHead(rs.getLong(1), rs.getString(2)));
  }

  public ChainHead head() {
    return jdbc.queryForObject("SELECT last_id, last_hash FROM allocation_chain_head WHERE id = 1",
        (rs, row) -> new ChainHead(rs.getLong(1), rs.getString(2)));
  }

  /** Appends a link; the caller holds the head lock and {@code record} follows the head. */
  public void append(DrawRecord record) {
    jdbc.update("INSERT INTO allocation_draw (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        record.id(), record.caseNumber(), record.processInstanceId(), record.candidates(),
        record.excluded(), record.drawValue(), record.chosenTeam(),
        OffsetDateTime.ofInstant(record.drawnAt(), ZoneOffset.UTC), record.previousHash(),
        record.hash());
    jdbc.update("UPDATE allocation_chain_head SET last_id = ?, last_hash = ? WHERE id = 1",
        record.id(), record.hash());
  }

  public Optional<DrawRecord> findByCaseNumber(String caseNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM allocation_draw WHERE case_number = ?",
        this::map, caseNumber).stream().findFirst();
  }

  /** The newest draws first. */
  public List<DrawRecord> findLatest(int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM allocation_draw ORDER BY id DESC "
        + "FETCH FIRST " + limit + " ROWS ONLY", this::map);
  }

  /** Streams every draw in chain order without holding them all in memory. */
  public void forEachInChainOrder(Consumer<DrawRecord> action) {
    jdbc.query("SELECT " + COLUMNS + " FROM allocation_draw ORDER BY id",
        rs -> { action.accept(map(rs, 0)); });
  }

  private DrawRecord map(ResultSet rs, int row) throws SQLException {
    return new DrawRecord(rs.getLong("id"), rs.getString("case_number"),
        rs.getString("process_instance_id"), rs.getString("candidates"),
        rs.getString("excluded"), rs.getInt("draw_value"), rs.getString("chosen_team"),
        rs.getObject("drawn_at", OffsetDateTime.class).toInstant(),
        rs.getString("previous_hash"), rs.getString("hash"));
  }
}
