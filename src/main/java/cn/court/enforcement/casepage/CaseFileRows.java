package cn.court.enforcement.casepage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the case page reads of the case's tables and no other bean offers: the filing row of
 * {@code case_file} (the registry writes it, but reads back only its parts) and the approved
 * extensions of {@code court_case_clock_extension} ({@code calendar/CaseClock} sums them).
 */
@Repository
public class CaseFileRows {

  /** The case as filed (corrections included), with its handler once named. */
  public record Filing(LocalDate filingDate, String caseKind, boolean nonLitigation, BigDecimal amountClaimed,
      String basisDocumentNumber, String basisCourt, String basisType, String propertyClues, String handler,
      String handlerTeam, LocalDateTime registeredAt) {}

  /** One approved extension of the case term. */
  public record Extension(int months, LocalDateTime approvedAt) {}

  private final JdbcTemplate jdbc;

  public CaseFileRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Filing> filing(String caseNumber) {
    return jdbc.query("""
        SELECT filing_date, case_kind, non_litigation, amount_claimed, basis_document_number, basis_court,
          basis_type, property_clues, handler, handler_team, registered_at
        FROM case_file WHERE case_number = ?""",
        (rs, row) -> new Filing(rs.getObject("filing_date", LocalDate.class), rs.getString("case_kind"),
            rs.getBoolean("non_litigation"), rs.getBigDecimal("amount_claimed"), rs.getString("basis_document_number"),
            rs.getString("basis_court"), rs.getString("basis_type"), rs.getString("property_clues"),
            rs.getString("handler"), rs.getString("handler_team"), rs.getTimestamp("registered_at").toLocalDateTime()),
        caseNumber).stream().findFirst();
  }

  /** Whether the case clock runs for the case (it starts with the case's process). */
  public boolean hasClock(String caseNumber) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM court_case_clock WHERE case_number = ?", Integer.class,
        caseNumber) > 0;
  }

  public List<Extension> extensions(String caseNumber) {
    return jdbc.query("SELECT months, approved_at FROM court_case_clock_extension WHERE case_number = ? ORDER BY id",
        (rs, row) -> new Extension(rs.getInt("months"), rs.getTimestamp("approved_at").toLocalDateTime()), caseNumber);
  }
}
