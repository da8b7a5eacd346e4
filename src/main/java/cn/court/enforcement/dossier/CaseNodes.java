package cn.court.enforcement.dossier;

import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which key nodes a case has reached, from its own records: the network inquiry done (the
 * case's history), an item seized or frozen offline ({@code property_item}), property
 * investigated or the residence searched ({@code case_measure}), an asset sent to disposal
 * ({@code asset_disposal}), money paid out ({@code case_money_payout}). A reached node expects
 * key-node material at the archive centre.
 */
@Component
public class CaseNodes {

  static final String NETWORK_INQUIRY_TASK = "Task_StartNetworkInquiry";

  private final JdbcTemplate jdbc;
  private final HistoryService history;

  public CaseNodes(JdbcTemplate jdbc, HistoryService history) {
    this.jdbc = jdbc;
    this.history = history;
  }

  public Set<KeyNode> reached(String caseNumber) {
    Set<KeyNode> reached = EnumSet.noneOf(KeyNode.class);
    if (networkInquiryDone(caseNumber)) {
      reached.add(KeyNode.NETWORK_CONTROL);
    }
    if (exists("SELECT COUNT(*) FROM property_item WHERE case_number = ? AND offline_done_on IS NOT NULL", caseNumber)) {
      reached.add(KeyNode.OFFLINE_SEIZURE);
    }
    if (exists("SELECT COUNT(*) FROM case_measure WHERE case_number = ? "
        + "AND measure IN ('investigate-property', 'search-residence')", caseNumber)) {
      reached.add(KeyNode.INVESTIGATION);
    }
    if (exists("SELECT COUNT(*) FROM asset_disposal WHERE case_number = ?", caseNumber)) {
      reached.add(KeyNode.DISPOSAL);
    }
    if (exists("SELECT COUNT(*) FROM case_money_payout WHERE case_number = ? AND status = 'paid'", caseNumber)) {
      reached.add(KeyNode.PAYOUT);
    }
    return reached;
  }

  private boolean networkInquiryDone(String caseNumber) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey("enforcement-case")
        .processInstanceBusinessKey(caseNumber).list().stream()
        .anyMatch(instance -> history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
            .activityId(NETWORK_INQUIRY_TASK).finished().count() > 0);
  }

  private boolean exists(String sql, String caseNumber) {
    Integer count = jdbc.queryForObject(sql, Integer.class, caseNumber);
    return count != null && count > 0;
  }
}
