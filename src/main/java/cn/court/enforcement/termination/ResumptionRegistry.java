package cn.court.enforcement.termination;

import java.sql.Timestamp;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Links between a terminated case and the case it was resumed as (V12 {@code case_resumption}). */
@Repository
public class ResumptionRegistry {

  private final JdbcTemplate jdbc;

  public ResumptionRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Locks the old case's row of {@code case_file} until the transaction ends: two resumptions of
   * one case run one after the other, and the second finds the first's link.
   */
  public void lockOriginal(String caseNumber) {
    jdbc.queryForList("select case_number from case_file where case_number = ? for update", String.class, caseNumber);
  }

  public Optional<String> resumedAs(String originalCaseNumber) {
    return jdbc.queryForList("select resumed_case_number from case_resumption where original_case_number = ?",
        String.class, originalCaseNumber).stream().findFirst();
  }

  public Optional<String> resumedFrom(String resumedCaseNumber) {
    return jdbc.queryForList("select original_case_number from case_resumption where resumed_case_number = ?",
        String.class, resumedCaseNumber).stream().findFirst();
  }

  public void link(String original, String resumed, String trigger, String approvedBy) {
    jdbc.update("""
        insert into case_resumption (original_case_number, resumed_case_number, trigger_kind, approved_by, resumed_at)
        values (?, ?, ?, ?, ?)""",
        original, resumed, trigger, approvedBy, new Timestamp(ClockUtil.getCurrentTime().getTime()));
  }

  /** The enforcement basis of the old case, which the resumed case is filed on again. */
  public Basis basis(String caseNumber) {
    return jdbc.queryForObject("""
        select case_kind, non_litigation, basis_document_number, basis_court, basis_type from case_file
        where case_number = ?""",
        (rs, row) -> new Basis(rs.getString("case_kind"), rs.getBoolean("non_litigation"),
            rs.getString("basis_document_number"), rs.getString("basis_court"), rs.getString("basis_type")),
        caseNumber);
  }

  /** What the old case was filed on (case_file): the same judgment is enforced again. */
  public record Basis(String caseKind, boolean nonLitigation, String documentNumber, String court, String type) {
  }
}
