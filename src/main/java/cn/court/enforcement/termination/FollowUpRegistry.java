package cn.court.enforcement.termination;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The follow-ups of terminated cases and their six-monthly queries (V12), in the engine's
 * DataSource and transaction.
 */
@Repository
public class FollowUpRegistry {

  private final JdbcTemplate jdbc;

  public FollowUpRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void start(String caseNumber, String processInstanceId, LocalDate terminatedOn, BigDecimal unpaidAmount,
      String handlingTeam, String caseHandler) {
    jdbc.update("""
        insert into termination_follow_up (case_number, process_instance_id, terminated_on, unpaid_amount,
          handling_team, case_handler, started_at) values (?, ?, ?, ?, ?, ?, ?)""",
        caseNumber, processInstanceId, terminatedOn, unpaidAmount, handlingTeam, caseHandler, now());
  }

  public Optional<FollowUp> followUp(String caseNumber) {
    return jdbc.query("""
        select case_number, terminated_on, unpaid_amount, end_reason from termination_follow_up
        where case_number = ?""",
        (rs, row) -> new FollowUp(rs.getString("case_number"), rs.getDate("terminated_on").toLocalDate(),
            rs.getBigDecimal("unpaid_amount"), rs.getString("end_reason")),
        caseNumber).stream().findFirst();
  }

  public void recordQuery(String caseNumber, Query query, String by) {
    jdbc.update("""
        insert into follow_up_query (case_number, query_number, queried_on, property_found, property_kind,
          property_description, property_value, queried_by) values (?, ?, ?, ?, ?, ?, ?, ?)""",
        caseNumber, query.number(), query.queriedOn(), query.propertyFound(), query.kind(), query.description(),
        query.value(), by);
  }

  public List<Query> queries(String caseNumber) {
    return jdbc.query("""
        select query_number, queried_on, property_found, property_kind, property_description, property_value
        from follow_up_query where case_number = ? order by query_number""",
        (rs, row) -> new Query(rs.getInt("query_number"), rs.getDate("queried_on").toLocalDate(),
            rs.getBoolean("property_found"), rs.getString("property_kind"), rs.getString("property_description"),
            rs.getBigDecimal("property_value")),
        caseNumber);
  }

  /** The follow-up ended: {@code five-years} or {@code resumed}. */
  public void end(String caseNumber, String reason) {
    jdbc.update("update termination_follow_up set ended_at = ?, end_reason = ? where case_number = ?",
        now(), reason, caseNumber);
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  /** A terminated case under follow-up; {@code endReason} null while it runs. */
  public record FollowUp(String caseNumber, LocalDate terminatedOn, BigDecimal unpaidAmount, String endReason) {
  }

  /** One online query's structured result; kind, description and value only when property was found. */
  public record Query(int number, LocalDate queriedOn, boolean propertyFound, String kind, String description,
      BigDecimal value) {
  }
}
