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

    /** Concerns the respondent: recorded for it, or for the whole case. */
    boolean concerns(long respondentId) {
      return partyId == null || partyId == respondentId;
    }
  }

  /** The filing date of the case clock (case_file.filing_date); empty for a case not in the registry. */
  public Optional<LocalDate> filingDate(String caseNumber) {
    return jdbc.queryForList("SELECT filing_date FROM case_file WHERE case_number = ?", LocalDate.class, caseNumber)
        .stream().findFirst();
  }

  /** The measures the case recorded, oldest first. */
  public List<Measure> measures(String caseNumber) {
    return jdbc.query("""
        SELECT measure, performed_on, summary, party_id FROM case_measure
        WHERE case_number = ? ORDER BY performed_on, id""",
        (rs, row) -> new Measure(rs.getString("measure"), rs.getObject("performed_on", LocalDate.class),
            rs.getString("summary"), rs.getObject("party_id", Long.class)),
        caseNumber);
  }
}
