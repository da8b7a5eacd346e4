package cn.court.enforcement.entrusted;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The table {@code entrusted_matter} (V15): the intensive-affairs team's one register of entrusted
 * matters from other courts and of the offline measures the handling teams ask for, one row per
 * {@code entrusted-matter} instance, with where it stands and its result.
 */
@Component("entrustedMatters")
public class EntrustedMatters {

  /** A matter as registered and as far as it has come. */
  public record Matter(long id, String processInstanceId, String source, String caseNumber, String entrustingCourt,
      String kind, String matter, String documents, String requestingTeam, LocalDate receivedOn,
      LocalDate requestedBy, LocalDate dueOn, String status, String refusalReason, String outcome, LocalDate doneOn,
      String resultSummary, LocalDate statusLetterOn, LocalDate repliedOn) {}

  /** What a new row records; {@code dueOn} is null for a team's request (its task has the table's limit). */
  record NewMatter(String source, String caseNumber, String entrustingCourt, String kind, String matter,
      String documents, String requestingTeam, LocalDate receivedOn, LocalDate requestedBy, LocalDate dueOn) {}

  private final JdbcTemplate jdbc;

  public EntrustedMatters(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long register(String processInstanceId, NewMatter m) {
    jdbc.update("""
        insert into entrusted_matter (process_instance_id, source, case_number, entrusting_court, matter_kind, matter,
          documents, requesting_team, received_on, requested_by, due_on, status, registered_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?)""",
        processInstanceId, m.source(), m.caseNumber(), m.entrustingCourt(), m.kind(), m.matter(), m.documents(),
        m.requestingTeam(), date(m.receivedOn()), date(m.requestedBy()), date(m.dueOn()), now());
    return jdbc.queryForObject("select id from entrusted_matter where process_instance_id = ?", Long.class,
        processInstanceId);
  }

  void accepted(long id) {
    jdbc.update("update entrusted_matter set status = 'accepted' where id = ?", id);
  }

  void refused(long id, String reason) {
    jdbc.update("update entrusted_matter set status = 'refused', refusal_reason = ? where id = ?", reason, id);
  }

  void done(long id, String outcome, LocalDate doneOn, String summary) {
    jdbc.update("update entrusted_matter set status = 'done', outcome = ?, done_on = ?, result_summary = ? where id = ?",
        outcome, date(doneOn), summary, id);
  }

  void statusLetter(long id, String number, LocalDate sentOn) {
    jdbc.update("update entrusted_matter set status_letter_number = ?, status_letter_on = ? where id = ?",
        number, date(sentOn), id);
  }

  /** The reply to the entrusting court ends the matter; its status stays done or refused. */
  void answered(long id, String number, LocalDate repliedOn) {
    jdbc.update("update entrusted_matter set reply_number = ?, replied_on = ?, ended_at = ? where id = ?",
        number, date(repliedOn), now(), id);
  }

  void reported(long id) {
    jdbc.update("update entrusted_matter set status = 'reported', ended_at = ? where id = ?", now(), id);
  }

  /** End event 结案时未办理 (from BPMN): the case closed before the team's offline measure was done. */
  public void closedWithCase(DelegateExecution execution) {
    jdbc.update("update entrusted_matter set status = 'case-closed', ended_at = ? where process_instance_id = ?",
        now(), execution.getProcessInstanceId());
  }

  public Matter matter(long id) {
    return jdbc.queryForObject("select * from entrusted_matter where id = ?", EntrustedMatters::row, id);
  }

  /** The matters of a case number (this court's for teams' requests, the entrusting court's otherwise), oldest first. */
  public List<Matter> ofCase(String caseNumber) {
    return jdbc.query("select * from entrusted_matter where case_number = ? order by id", EntrustedMatters::row,
        caseNumber);
  }

  private static Matter row(ResultSet rs, int row) throws SQLException {
    return new Matter(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("source"),
        rs.getString("case_number"), rs.getString("entrusting_court"), rs.getString("matter_kind"),
        rs.getString("matter"), rs.getString("documents"), rs.getString("requesting_team"),
        rs.getObject("received_on", LocalDate.class), rs.getObject("requested_by", LocalDate.class),
        rs.getObject("due_on", LocalDate.class), rs.getString("status"), rs.getString("refusal_reason"),
        rs.getString("outcome"), rs.getObject("done_on", LocalDate.class), rs.getString("result_summary"),
        rs.getObject("status_letter_on", LocalDate.class), rs.getObject("replied_on", LocalDate.class));
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }
}
