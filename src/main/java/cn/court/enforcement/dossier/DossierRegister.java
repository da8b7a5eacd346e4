package cn.court.enforcement.dossier;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The archive centre's records (V13): hand-overs of paper material and their check, the
 * electronic catalogue, the key-node material registered on receipt, and lending. Uses the
 * engine's DataSource and transaction: a refused step writes nothing. Times follow the engine
 * clock.
 */
@Repository
public class DossierRegister {

  private final JdbcTemplate jdbc;

  public DossierRegister(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Today by the engine clock (the application runs in the court's time zone). */
  public static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  /** The team is back in the office: a hand-over is due; returns its id. */
  public long recordReturn(String caseNumber, String processInstanceId, String team, LocalDate returnedOn,
      String tripPurpose) {
    return insert("INSERT INTO dossier_handover (case_number, process_instance_id, team, returned_on, trip_purpose, "
        + "status, recorded_at) VALUES (?, ?, ?, ?, ?, 'returned', ?)",
        caseNumber, processInstanceId, team, returnedOn, tripPurpose, now());
  }

  public void recordHandOver(long handoverId, String material, int pages, LocalDate handedOverOn) {
    update(handoverId, "UPDATE dossier_handover SET material = ?, pages = ?, handed_over_on = ?, status = 'handed-over', "
        + "change_requests = NULL, dispute_reason = NULL WHERE id = ?", material, pages, handedOverOn, handoverId);
  }

  public void recordRefusal(long handoverId, String changeRequests) {
    update(handoverId, "UPDATE dossier_handover SET status = 'refused', change_requests = ? WHERE id = ?",
        changeRequests, handoverId);
  }

  public void recordDispute(long handoverId, String reason) {
    update(handoverId, "UPDATE dossier_handover SET status = 'disputed', dispute_reason = ? WHERE id = ?",
        reason, handoverId);
  }

  /** Received (签收): the material is accepted and its key nodes registered against the case. */
  public void recordReceipt(long handoverId, String receivedBy, Collection<KeyNode> keyNodes) {
    Timestamp now = now();
    update(handoverId, "UPDATE dossier_handover SET status = 'accepted', received_by = ?, received_at = ? WHERE id = ?",
        receivedBy, now, handoverId);
    for (KeyNode node : keyNodes) {
      jdbc.update("INSERT INTO dossier_key_node (case_number, node, handover_id, registered_by, registered_at) "
          + "SELECT case_number, ?, id, ?, ? FROM dossier_handover WHERE id = ?", node.id(), receivedBy, now, handoverId);
    }
  }

  public String status(long handoverId) {
    return jdbc.queryForObject("SELECT status FROM dossier_handover WHERE id = ?", String.class, handoverId);
  }

  public void catalogue(CatalogueEntry entry) {
    jdbc.update("INSERT INTO dossier_document (case_number, handover_id, document_type, name, pages, scanned_at, "
        + "scanned_by, store_reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", entry.caseNumber(), entry.handoverId(),
        entry.documentType(), entry.name(), entry.pages(), Timestamp.valueOf(entry.scannedAt()), entry.scannedBy(),
        entry.storeReference());
  }

  /** The case's catalogue in the order scanned. */
  public List<CatalogueEntry> catalogueOf(String caseNumber) {
    return jdbc.query("SELECT * FROM dossier_document WHERE case_number = ? ORDER BY scanned_at, id",
        (rs, n) -> new CatalogueEntry(rs.getString("case_number"), (Long) rs.getObject("handover_id", Long.class),
            rs.getString("document_type"), rs.getString("name"), rs.getInt("pages"),
            rs.getTimestamp("scanned_at").toLocalDateTime(), rs.getString("scanned_by"),
            rs.getString("store_reference")), caseNumber);
  }

  /** How many accepted hand-overs registered material for each key node of the case. */
  public Map<KeyNode, Long> keyNodeMaterial(String caseNumber) {
    return jdbc.queryForList("SELECT node FROM dossier_key_node WHERE case_number = ?", String.class, caseNumber)
        .stream().map(id -> KeyNode.of(id).orElseThrow())
        .collect(Collectors.groupingBy(node -> node, Collectors.counting()));
  }

  public long recordLending(String caseNumber, String processInstanceId, String borrower, String useKind,
      String purpose, LocalDate lentOn, LocalDate purposeEndsOn, String registeredBy) {
    return insert("INSERT INTO dossier_lending (case_number, process_instance_id, borrower, use_kind, purpose, lent_on, "
        + "purpose_ends_on, registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        caseNumber, processInstanceId, borrower, useKind, purpose, lentOn, purposeEndsOn, registeredBy, now());
  }

  public void recordLendingReturn(long lendingId, LocalDate returnedOn) {
    update(lendingId, "UPDATE dossier_lending SET returned_on = ? WHERE id = ?", returnedOn, lendingId);
  }

  /** Whether the case was filed (a row of the case registry), so its dossier exists. */
  public boolean caseFiled(String caseNumber) {
    return Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM case_file WHERE case_number = ?",
        Boolean.class, caseNumber));
  }

  private long insert(String sql, Object... args) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement(sql, new String[] {"id"});
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i] instanceof LocalDate day ? java.sql.Date.valueOf(day) : args[i]);
      }
      return statement;
    }, keys);
    return keys.getKey().longValue();
  }

  private void update(long id, String sql, Object... args) {
    if (jdbc.update(sql, args) != 1) {
      throw new IllegalStateException("No dossier record " + id);
    }
  }
}
