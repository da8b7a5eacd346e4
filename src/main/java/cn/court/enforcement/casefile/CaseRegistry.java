package cn.court.enforcement.casefile;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
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
      "id, kind, holder_institution, property_value, controlled, needs_offline_action, remarks, offline_measure";

  private final JdbcTemplate jdbc;

  public CaseRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Registers a new case; a case number already filed is refused. */
  public void register(CaseFiling filing, String processInstanceId) {
    if (exists(filing.caseNumber())) {
      throw duplicate(filing.caseNumber());
    }
    Timestamp now = Timestamp.valueOf(LocalDateTime.now());
    try {
      jdbc.update("""
          INSERT INTO case_file (case_number, process_instance_id, filing_date, case_kind,
            non_litigation, amount_claimed, applicant_name, applicant_id_type, applicant_id_number,
            applicant_phone, applicant_address, respondent_name, respondent_id_type,
            respondent_id_number, respondent_phone, respondent_address, basis_document_number,
            basis_court, basis_type, property_clues, registered_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          filing.caseNumber(), processInstanceId, filing.filingDate(), filing.caseKind(),
          filing.nonLitigation(), filing.amountClaimed(), filing.applicant().name(),
          filing.applicant().idType(), filing.applicant().idNumber(), filing.applicant().phone(),
          filing.applicant().address(), filing.respondent().name(), filing.respondent().idType(),
          filing.respondent().idNumber(), filing.respondent().phone(), filing.respondent().address(),
          filing.basisDocumentNumber(), filing.basisCourt(), filing.basisType(), filing.propertyClues(),
          now, now);
    } catch (DuplicateKeyException e) {
      throw duplicate(filing.caseNumber()); // a concurrent filing of the same number
    }
  }

  /** Corrected filing data; the case number itself cannot change. */
  public void update(CaseFiling filing) {
    jdbc.update("""
        UPDATE case_file SET filing_date = ?, case_kind = ?, non_litigation = ?, amount_claimed = ?,
          applicant_name = ?, applicant_id_type = ?, applicant_id_number = ?, applicant_phone = ?,
          applicant_address = ?, respondent_name = ?, respondent_id_type = ?, respondent_id_number = ?,
          respondent_phone = ?, respondent_address = ?, basis_document_number = ?, basis_court = ?,
          basis_type = ?, property_clues = ?, updated_at = ?
        WHERE case_number = ?""",
        filing.filingDate(), filing.caseKind(), filing.nonLitigation(), filing.amountClaimed(),
        filing.applicant().name(), filing.applicant().idType(), filing.applicant().idNumber(),
        filing.applicant().phone(), filing.applicant().address(), filing.respondent().name(),
        filing.respondent().idType(), filing.respondent().idNumber(), filing.respondent().phone(),
        filing.respondent().address(), filing.basisDocumentNumber(), filing.basisCourt(),
        filing.basisType(), filing.propertyClues(), Timestamp.valueOf(LocalDateTime.now()),
        filing.caseNumber());
  }

  public boolean exists(String caseNumber) {
    Integer count = jdbc.queryForObject(
        "SELECT COUNT(*) FROM case_file WHERE case_number = ?", Integer.class, caseNumber);
    return count != null && count > 0;
  }

  public void addPropertyItem(String caseNumber, PropertyItem item) {
    jdbc.update("""
        INSERT INTO property_item (case_number, kind, holder_institution, property_value, controlled,
          needs_offline_action, remarks, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        caseNumber, item.kind(), item.holderInstitution(), item.value(), item.controlled(),
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
    jdbc.update("""
        INSERT INTO case_measure (case_number, measure, performed_on, summary, recorded_at)
        VALUES (?, ?, ?, ?, ?)""",
        caseNumber, measure, performedOn, summary, Timestamp.valueOf(LocalDateTime.now()));
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
    return new PropertyItem(rs.getLong("id"), rs.getString("kind"), rs.getString("holder_institution"),
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

  /** A property item of the network inquiry's feedback. */
  public record PropertyItem(Long id, String kind, String holderInstitution, BigDecimal value,
      boolean controlled, boolean needsOfflineAction, String remarks, String offlineMeasure) {
  }
}
