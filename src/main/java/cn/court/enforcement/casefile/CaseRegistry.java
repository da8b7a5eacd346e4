package cn.court.enforcement.casefile;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The case registry: filed cases, property items found by network inquiry, measures taken.
 * Uses the engine's DataSource and transaction, so a refused step writes nothing.
 */
@Repository
public class CaseRegistry {

  private static final String ITEM_COLUMNS =
      "id, respondent_id, kind, holder_institution, property_value, controlled, needs_offline_action, remarks, offline_measure";

  private final JdbcTemplate jdbc;

  public CaseRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Registers a new case with its parties; a case number already filed is refused. */
  public void register(CaseFiling filing, String processInstanceId) {
    if (exists(filing.caseNumber())) {
      throw duplicate(filing.caseNumber());
    }
    Timestamp now = Timestamp.valueOf(LocalDateTime.now());
    try {
      jdbc.update("""
          INSERT INTO case_file (case_number, process_instance_id, filing_date, case_kind,
            non_litigation, amount_claimed, basis_document_number, basis_court, basis_type,
            property_clues, registered_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          filing.caseNumber(), processInstanceId, filing.filingDate(), filing.caseKind(),
          filing.nonLitigation(), filing.amountClaimed(), filing.basisDocumentNumber(), filing.basisCourt(),
          filing.basisType(), filing.propertyClues(), now, now);
    } catch (DuplicateKeyException e) {
      throw duplicate(filing.caseNumber()); // a concurrent filing of the same number
    }
    savePositions(filing, Map.of());
  }

  /**
   * Corrected filing data; the case number itself cannot change. A party keeps its row (and the
   * records naming it) while its ID number stays; a party no longer listed is removed, unless
   * a property item or measure already names it.
   */
  public void update(CaseFiling filing) {
    jdbc.update("""
        UPDATE case_file SET filing_date = ?, case_kind = ?, non_litigation = ?, amount_claimed = ?,
          basis_document_number = ?, basis_court = ?, basis_type = ?, property_clues = ?, updated_at = ?
        WHERE case_number = ?""",
        filing.filingDate(), filing.caseKind(), filing.nonLitigation(), filing.amountClaimed(),
        filing.basisDocumentNumber(), filing.basisCourt(), filing.basisType(), filing.propertyClues(),
        Timestamp.valueOf(LocalDateTime.now()), filing.caseNumber());
    Map<String, CaseParty> before = new HashMap<>();
    parties(filing.caseNumber()).forEach(party -> before.put(party.party().idNumber(), party));
    Set<String> kept = new HashSet<>();
    Stream.concat(filing.applicants().stream(), filing.respondents().stream())
        .forEach(party -> kept.add(party.idNumber()));
    for (CaseParty gone : before.values()) {
      if (!kept.contains(gone.party().idNumber())) {
        if (isNamedByRecords(gone.id())) {
          throw new InvalidCaseDataException("当事人" + gone.party().name() + "已有财产或执行措施记录，不能删除");
        }
        jdbc.update("DELETE FROM case_party WHERE id = ?", gone.id());
      }
    }
    savePositions(filing, before);
  }

  /** Writes the parties in form order: existing ones (by ID number) are updated, new ones added. */
  private void savePositions(CaseFiling filing, Map<String, CaseParty> existing) {
    List<CaseFiling.Party> all = Stream.concat(filing.applicants().stream(), filing.respondents().stream()).toList();
    for (int i = 0; i < all.size(); i++) {
      CaseFiling.Party p = all.get(i);
      CaseParty known = existing.get(p.idNumber());
      if (known == null) {
        jdbc.update("""
            INSERT INTO case_party (case_number, role, position, kind, name, id_type, id_number, phone,
              address, legal_representative) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            filing.caseNumber(), p.role(), i + 1, p.kind(), p.name(), p.idType(), p.idNumber(), p.phone(),
            p.address(), p.legalRepresentative());
      } else {
        jdbc.update("""
            UPDATE case_party SET role = ?, position = ?, kind = ?, name = ?, id_type = ?, phone = ?,
              address = ?, legal_representative = ? WHERE id = ?""",
            p.role(), i + 1, p.kind(), p.name(), p.idType(), p.phone(), p.address(), p.legalRepresentative(),
            known.id());
      }
    }
  }

  private boolean isNamedByRecords(long partyId) {
    Integer count = jdbc.queryForObject("""
        SELECT (SELECT COUNT(*) FROM property_item WHERE respondent_id = ?)
             + (SELECT COUNT(*) FROM case_measure WHERE party_id = ?)""", Integer.class, partyId, partyId);
    return count != null && count > 0;
  }

  /** The parties of a case, applicants first, in the order they were filed. */
  public List<CaseParty> parties(String caseNumber) {
    return jdbc.query("""
        SELECT id, role, kind, name, id_type, id_number, phone, address, legal_representative
        FROM case_party WHERE case_number = ? ORDER BY position""",
        (rs, row) -> new CaseParty(rs.getLong("id"), new CaseFiling.Party(rs.getString("role"),
            rs.getString("kind"), rs.getString("name"), rs.getString("id_type"), rs.getString("id_number"),
            rs.getString("phone"), rs.getString("address"), rs.getString("legal_representative"))),
        caseNumber);
  }

  public List<CaseParty> respondents(String caseNumber) {
    return parties(caseNumber).stream().filter(p -> CaseFiling.RESPONDENT.equals(p.party().role())).toList();
  }

  public boolean exists(String caseNumber) {
    Integer count = jdbc.queryForObject(
        "SELECT COUNT(*) FROM case_file WHERE case_number = ?", Integer.class, caseNumber);
    return count != null && count > 0;
  }

  public void addPropertyItem(String caseNumber, PropertyItem item) {
    jdbc.update("""
        INSERT INTO property_item (case_number, respondent_id, kind, holder_institution, property_value,
          controlled, needs_offline_action, remarks, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        caseNumber, item.respondentId(), item.kind(), item.holderInstitution(), item.value(), item.controlled(),
        item.needsOfflineAction(), item.remarks(), Timestamp.valueOf(LocalDateTime.now()));
  }

  public List<PropertyItem> propertyItems(String caseNumber) {
    return jdbc.query("""
        SELECT %s FROM property_item WHERE case_number = ? ORDER BY id""".formatted(ITEM_COLUMNS),
        CaseRegistry::mapItem,
        caseNumber);
  }

  /** Ids of the items still waiting for offline action: the collection of the multi-instance task. */
  public List<Long> offlineItemIds(String caseNumber) {
    return propertyItems(caseNumber).stream()
        .filter(item -> item.needsOfflineAction() && item.offlineMeasure() == null)
        .map(PropertyItem::id)
        .toList();
  }

  public PropertyItem propertyItem(long id) {
    return jdbc.queryForObject("SELECT %s FROM property_item WHERE id = ?".formatted(ITEM_COLUMNS),
        CaseRegistry::mapItem, id);
  }

  public void recordOfflineResult(long itemId, String measure, LocalDate doneOn, String result) {
    jdbc.update("""
        UPDATE property_item SET offline_measure = ?, offline_done_on = ?, offline_result = ?,
          controlled = ? WHERE id = ?""",
        measure, doneOn, result, !"none".equals(measure), itemId);
  }

  public void recordMeasure(String caseNumber, String measure, LocalDate performedOn, String summary) {
    recordMeasure(caseNumber, measure, performedOn, summary, null);
  }

  /** A measure; {@code partyId} is the respondent it concerns, or null. */
  public void recordMeasure(String caseNumber, String measure, LocalDate performedOn, String summary, Long partyId) {
    jdbc.update("""
        INSERT INTO case_measure (case_number, measure, performed_on, summary, party_id, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?)""",
        caseNumber, measure, performedOn, summary, partyId, Timestamp.valueOf(LocalDateTime.now()));
  }

  public int countMeasures(String caseNumber, String measure) {
    Integer count = jdbc.queryForObject(
        "SELECT COUNT(*) FROM case_measure WHERE case_number = ? AND measure = ?",
        Integer.class, caseNumber, measure);
    return count == null ? 0 : count;
  }

  /**
   * Makes {@code handler} of {@code team} the case's handler and logs it: {@code reason} is null
   * when the leader names the first handler of the team, required for a change.
   */
  public void assignHandler(String caseNumber, String team, String handler, String reason, String by) {
    String previous = handler(caseNumber).filter(current -> current.team().equals(team))
        .map(CaseHandler::handler).orElse(null);
    Timestamp now = Timestamp.valueOf(LocalDateTime.now());
    jdbc.update("UPDATE case_file SET handler = ?, handler_team = ?, updated_at = ? WHERE case_number = ?",
        handler, team, now, caseNumber);
    jdbc.update("""
        INSERT INTO case_handler_change (case_number, team, previous_handler, new_handler, reason, changed_by,
          changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
        caseNumber, team, previous, handler, reason, by, now);
  }

  public Optional<CaseHandler> handler(String caseNumber) {
    return jdbc.query("SELECT handler, handler_team FROM case_file WHERE case_number = ? AND handler IS NOT NULL",
        (rs, row) -> new CaseHandler(rs.getString("handler"), rs.getString("handler_team")), caseNumber)
        .stream().findFirst();
  }

  /** The case's handler log, oldest first. */
  public List<HandlerChange> handlerChanges(String caseNumber) {
    return jdbc.query("""
        SELECT team, previous_handler, new_handler, reason, changed_by, changed_at FROM case_handler_change
        WHERE case_number = ? ORDER BY id""",
        (rs, row) -> new HandlerChange(rs.getString("team"), rs.getString("previous_handler"),
            rs.getString("new_handler"), rs.getString("reason"), rs.getString("changed_by"),
            rs.getTimestamp("changed_at").toLocalDateTime()),
        caseNumber);
  }

  private static PropertyItem mapItem(ResultSet rs, int row) throws SQLException {
    return new PropertyItem(rs.getLong("id"), rs.getObject("respondent_id", Long.class), rs.getString("kind"), rs.getString("holder_institution"),
        rs.getBigDecimal("property_value"), rs.getBoolean("controlled"),
        rs.getBoolean("needs_offline_action"), rs.getString("remarks"), rs.getString("offline_measure"));
  }

  private static InvalidCaseDataException duplicate(String caseNumber) {
    return new InvalidCaseDataException("案号" + caseNumber + "已经立案，不能重复立案");
  }

  /** The case's handler (承办人) and the team they were named for. */
  public record CaseHandler(String handler, String team) {
  }

  /** One entry of the handler log: a naming ({@code previousHandler} null) or a change. */
  public record HandlerChange(String team, String previousHandler, String newHandler, String reason,
      String changedBy, LocalDateTime changedAt) {
  }

  /** A party as registered: its row id is what property items and measures refer to. */
  public record CaseParty(long id, CaseFiling.Party party) {
  }

  /** A property item of the network inquiry's feedback. */
  public record PropertyItem(Long id, Long respondentId, String kind, String holderInstitution, BigDecimal value,
      boolean controlled, boolean needsOfflineAction, String remarks, String offlineMeasure) {
  }
}
