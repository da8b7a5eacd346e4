package cn.court.enforcement.funds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The case money ledger (tables {@code case_money_arrival}, {@code case_money_payout}, migration
 * V10): every arrival and every payout, exact to the fen. The Java API other features use (the
 * case page, closure): {@link #balance}, {@link #arrivals}, {@link #payouts}. Uses the engine's
 * DataSource and transaction: a refused step writes nothing.
 */
@Repository
public class CaseMoneyLedger {

  private static final String ARRIVAL_COLUMNS = "id, case_number, process_instance_id, source, amount, arrived_on, payer, "
      + "execution_fee, disposal_costs, applicant_notified_on";
  private static final String PAYOUT_COLUMNS = "id, case_number, arrival_id, payee, share, status, approved_on, paid_on";

  /** One arrival and the costs settled on it. */
  public record Arrival(long id, String caseNumber, String processInstanceId, String source, BigDecimal amount,
      LocalDate arrivedOn, String payer, BigDecimal executionFee, BigDecimal disposalCosts, LocalDate applicantNotifiedOn) {

    public BigDecimal costs() {
      return executionFee.add(disposalCosts);
    }
  }

  /** One payee's share of a payout. */
  public record Payout(long id, String caseNumber, long arrivalId, String payee, BigDecimal share, String status,
      LocalDate approvedOn, LocalDate paidOn) {}

  /** A payee and the share the handler records. */
  public record Share(String payee, BigDecimal amount) {}

  private final JdbcTemplate jdbc;

  public CaseMoneyLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void recordArrival(String caseNumber, String processInstanceId, String source, BigDecimal amount,
      LocalDate arrivedOn, String payer, String registeredBy) {
    jdbc.update("""
        INSERT INTO case_money_arrival (case_number, process_instance_id, source, amount, arrived_on, payer,
          registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        caseNumber, processInstanceId, source, cents(amount), Date.valueOf(arrivedOn), payer, registeredBy,
        Timestamp.valueOf(LocalDateTime.now()));
  }

  /** The money of the case now (all zero for a case without money). */
  public CaseMoneyBalance balance(String caseNumber) {
    BigDecimal[] arrival = jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0), COALESCE(SUM(execution_fee + disposal_costs), 0) "
        + "FROM case_money_arrival WHERE case_number = ?",
        (row, n) -> new BigDecimal[] {row.getBigDecimal(1), row.getBigDecimal(2)}, caseNumber);
    BigDecimal[] payout = jdbc.queryForObject("SELECT "
        + "COALESCE(SUM(CASE WHEN status = 'paid' THEN share ELSE 0 END), 0), "
        + "COALESCE(SUM(CASE WHEN status IN ('proposed', 'approved') THEN share ELSE 0 END), 0) "
        + "FROM case_money_payout WHERE case_number = ?",
        (row, n) -> new BigDecimal[] {row.getBigDecimal(1), row.getBigDecimal(2)}, caseNumber);
    return new CaseMoneyBalance(cents(arrival[0]), cents(arrival[1]), cents(payout[0]), cents(payout[1]));
  }

  /**
   * Locks the case's arrivals until the transaction ends, so two payouts of one case decided at
   * once are checked one after the other against the balance.
   */
  public void lockCase(String caseNumber) {
    jdbc.queryForList("SELECT id FROM case_money_arrival WHERE case_number = ? FOR UPDATE", Long.class, caseNumber);
  }

  public List<Arrival> arrivals(String caseNumber) {
    return jdbc.query("SELECT " + ARRIVAL_COLUMNS + " FROM case_money_arrival WHERE case_number = ? ORDER BY id",
        CaseMoneyLedger::arrival, caseNumber);
  }

  public Optional<Arrival> arrivalOf(String processInstanceId) {
    return jdbc.query("SELECT " + ARRIVAL_COLUMNS + " FROM case_money_arrival WHERE process_instance_id = ?",
        CaseMoneyLedger::arrival, processInstanceId).stream().findFirst();
  }

  /** Every payee's share of the case, in the order proposed (rejected proposals included). */
  public List<Payout> payouts(String caseNumber) {
    return jdbc.query("SELECT " + PAYOUT_COLUMNS + " FROM case_money_payout WHERE case_number = ? ORDER BY id",
        CaseMoneyLedger::payout, caseNumber);
  }

  /** The handler's settlement of the arrival's costs and the applicant's notice. */
  public void settle(long arrivalId, BigDecimal executionFee, BigDecimal disposalCosts, LocalDate applicantNotifiedOn) {
    jdbc.update("UPDATE case_money_arrival SET execution_fee = ?, disposal_costs = ?, applicant_notified_on = ? WHERE id = ?",
        cents(executionFee), cents(disposalCosts), Date.valueOf(applicantNotifiedOn), arrivalId);
  }

  public void propose(Arrival arrival, List<Share> shares, String proposedBy) {
    Timestamp now = Timestamp.valueOf(LocalDateTime.now());
    shares.forEach(share -> jdbc.update("""
        INSERT INTO case_money_payout (case_number, arrival_id, payee, share, status, proposed_by, proposed_at)
        VALUES (?, ?, ?, ?, 'proposed', ?, ?)""",
        arrival.caseNumber(), arrival.id(), share.payee(), cents(share.amount()), proposedBy, now));
  }

  public void approve(long arrivalId, String approvedBy, LocalDate approvedOn) {
    jdbc.update("UPDATE case_money_payout SET status = 'approved', approved_by = ?, approved_on = ? "
        + "WHERE arrival_id = ? AND status = 'proposed'", approvedBy, Date.valueOf(approvedOn), arrivalId);
  }

  public void pay(long arrivalId, String paidBy, LocalDate paidOn) {
    jdbc.update("UPDATE case_money_payout SET status = 'paid', paid_by = ?, paid_on = ? "
        + "WHERE arrival_id = ? AND status = 'approved'", paidBy, Date.valueOf(paidOn), arrivalId);
  }

  /** The open proposal goes back to the handler, with the reason. */
  public void reject(long arrivalId, String reason) {
    jdbc.update("UPDATE case_money_payout SET status = 'rejected', rejection = ? "
        + "WHERE arrival_id = ? AND status IN ('proposed', 'approved')", reason, arrivalId);
  }

  /** An amount to the fen, as the columns hold it. */
  static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  private static Arrival arrival(ResultSet row, int n) throws SQLException {
    Date notified = row.getDate("applicant_notified_on");
    return new Arrival(row.getLong("id"), row.getString("case_number"), row.getString("process_instance_id"),
        row.getString("source"), cents(row.getBigDecimal("amount")), row.getDate("arrived_on").toLocalDate(),
        row.getString("payer"), cents(row.getBigDecimal("execution_fee")), cents(row.getBigDecimal("disposal_costs")),
        notified == null ? null : notified.toLocalDate());
  }

  private static Payout payout(ResultSet row, int n) throws SQLException {
    Date approved = row.getDate("approved_on");
    Date paid = row.getDate("paid_on");
    return new Payout(row.getLong("id"), row.getString("case_number"), row.getLong("arrival_id"), row.getString("payee"),
        cents(row.getBigDecimal("share")), row.getString("status"), approved == null ? null : approved.toLocalDate(),
        paid == null ? null : paid.toLocalDate());
  }
}
