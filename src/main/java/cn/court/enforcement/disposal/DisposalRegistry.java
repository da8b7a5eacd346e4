package cn.court.enforcement.disposal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The table {@code asset_disposal} (V9): every disposal of a case with its stage and, once it has
 * reported back, its outcome. From BPMN: {@code ${disposalRegistry.stage(execution, 'auction-1')}}.
 */
@Component("disposalRegistry")
public class DisposalRegistry {

  /** A disposal not yet ended, as staff read it. */
  public record OpenDisposal(String assetDescription, String stage) {}

  private final JdbcTemplate jdbc;

  public DisposalRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void register(String instanceId, String caseNumber, Long propertyItemId, String propertyKind, String description,
      String role, String handler) {
    jdbc.update("insert into asset_disposal (process_instance_id, case_number, property_item_id, property_kind, "
        + "asset_description, handler_role, handler, stage, started_at) values (?, ?, ?, ?, ?, ?, ?, 'registered', ?)",
        instanceId, caseNumber, propertyItemId, propertyKind, description, role, handler, now());
  }

  /** The disposal's instance enters {@code stage} (a value of the table's check constraint). */
  public void stage(DelegateExecution execution, String stage) {
    jdbc.update("update asset_disposal set stage = ? where process_instance_id = ?", stage,
        execution.getProcessInstanceId());
  }

  /** The instance enters the auction round of its variable {@code auctionRound}: stage auction-1 or auction-2. */
  public void auctionStage(DelegateExecution execution) {
    stage(execution, "auction-" + execution.getVariable(DisposalVariables.AUCTION_ROUND));
  }

  void referencePrice(String instanceId, String method, BigDecimal price) {
    jdbc.update("update asset_disposal set reference_method = ?, reference_price = ? where process_instance_id = ?",
        method, price, instanceId);
  }

  void ended(String instanceId, String outcome, BigDecimal finalPrice, BigDecimal proceeds, LocalDate arrivedOn,
      String payer, String reason) {
    jdbc.update("update asset_disposal set stage = 'ended', outcome = ?, final_price = ?, proceeds = ?, "
        + "proceeds_arrived_on = ?, payer = ?, outcome_reason = ?, ended_at = ? where process_instance_id = ?",
        outcome, finalPrice, proceeds, arrivedOn == null ? null : Date.valueOf(arrivedOn), payer, reason, now(),
        instanceId);
  }

  /** The case's disposals that have not reported back yet. */
  public List<OpenDisposal> open(String caseNumber) {
    return jdbc.query("select asset_description, stage from asset_disposal where case_number = ? and outcome is null "
        + "order by id", (rs, i) -> new OpenDisposal(rs.getString(1), rs.getString(2)), caseNumber);
  }

  /** Who holds a pause of one kind: this disposal, and any other disposal of the same case. */
  record PauseHolders(boolean self, boolean others) {}

  /**
   * Locks the case's disposal rows until the transaction ends, tells who holds a pause of {@code reason},
   * and marks this disposal as holding it ({@code hold}) or not.
   */
  PauseHolders holdPause(String instanceId, String caseNumber, String reason, boolean hold) {
    List<String> holders = jdbc.query("select process_instance_id from asset_disposal where case_number = ? "
        + "and clock_pause = ? for update", (rs, i) -> rs.getString(1), caseNumber, reason);
    jdbc.update("update asset_disposal set clock_pause = ? where process_instance_id = ?", hold ? reason : null,
        instanceId);
    return new PauseHolders(holders.contains(instanceId), holders.stream().anyMatch(id -> !id.equals(instanceId)));
  }

  void recordDraw(String instanceId, String caseNumber, String mode, List<String> candidates, Long seed,
      List<String> chosen, String by) {
    jdbc.update("insert into asset_disposal_appraiser_draw (process_instance_id, case_number, mode, candidates, seed, "
        + "chosen, drawn_by, drawn_at) values (?, ?, ?, ?, ?, ?, ?, ?)", instanceId, caseNumber, mode,
        String.join("\n", candidates), seed, String.join("\n", chosen), by, now());
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }
}
