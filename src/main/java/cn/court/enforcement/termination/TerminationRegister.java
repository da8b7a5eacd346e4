package cn.court.enforcement.termination;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The termination register (终本案件库, table termination_register of V11): one row per 终本 ruling. */
@Component
public class TerminationRegister {

  private final JdbcTemplate jdbc;

  public TerminationRegister(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public record Entry(String caseNumber, String reviewInstanceId, String rulingNumber, LocalDate ruledOn,
      BigDecimal unpaidAmount, String firstReviewer, String approver, String checklist) {
  }

  public void register(Entry entry) {
    jdbc.update("""
        INSERT INTO termination_register (case_number, review_instance_id, ruling_number, ruled_on, unpaid_amount,
          first_reviewer, approver, checklist, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        entry.caseNumber(), entry.reviewInstanceId(), entry.rulingNumber(), entry.ruledOn(), entry.unpaidAmount(),
        entry.firstReviewer(), entry.approver(), entry.checklist(), Timestamp.valueOf(LocalDateTime.now()));
  }

  public List<Entry> ofCase(String caseNumber) {
    return jdbc.query("""
        SELECT case_number, review_instance_id, ruling_number, ruled_on, unpaid_amount, first_reviewer, approver, checklist
        FROM termination_register WHERE case_number = ? ORDER BY id""",
        (rs, row) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
            rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getString(8)),
        caseNumber);
  }
}
