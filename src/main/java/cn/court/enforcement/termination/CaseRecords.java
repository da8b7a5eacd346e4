package cn.court.enforcement.termination;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the termination checklist reads of a case's registry rows (case_file, case_measure). */
@Component
public class CaseRecords {

  private final JdbcTemplate jdbc;

  public CaseRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A measure the case recorded: for one respondent, or for the whole case ({@code partyId} null). */
  public record Measure(String measure, LocalDate performedOn, String summary, Long partyId) {

    String evidence() {
      return performedOn + " " + summary;
    }
  }

  /** The filing date of the case clock (case_file.filing_date); empty for a case not in the registry. */
  public Optional<LocalDate> filingDate(String caseNumber) {
    return jdbc.queryForList("SELECT filing_date FROM case_file WHERE case_number = ?", LocalDate.class, caseNumber)
        .stream().findFirst();
  }

  /** The measures concerning the respondent (its own and the case-wide ones), oldest first. */
  public List<Measure> measures(String caseNumber, long respondentId) {
    return jdbc.query("""
        SELECT measure, performed_on, summary, party_id FROM case_measure
        WHERE case_number = ? AND (party_id = ? OR party_id IS NULL) ORDER BY performed_on, id""",
        (rs, row) -> new Measure(rs.getString("measure"), rs.getObject("performed_on", LocalDate.class),
            rs.getString("summary"), (Long) rs.getObject("party_id", Long.class)),
        caseNumber, respondentId);
  }
}
