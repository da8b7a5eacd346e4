package cn.court.enforcement.dossier;

import cn.court.enforcement.casefile.CaseVariables;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The key-node register of a case (关键节点材料登记): each node the case has reached expects
 * material at the archive centre, and a reached node without registered material is missing.
 * Reached comes from the case's own records: the network inquiry done (the case's history), an
 * item seized or frozen offline ({@code property_item}), property investigated or the residence
 * searched ({@code case_measure}), an asset sent to disposal ({@code asset_disposal}), money paid
 * out ({@code case_money_payout}).
 */
@Component
public class KeyNodes {

  static final String NETWORK_INQUIRY_TASK = "Task_StartNetworkInquiry";

  /** One key node of the case: reached or not, how many hand-overs registered its material. */
  public record KeyNodeView(String node, String label, boolean reached, long material, boolean missing) {}

  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final DossierRegister register;

  public KeyNodes(JdbcTemplate jdbc, HistoryService history, DossierRegister register) {
    this.jdbc = jdbc;
    this.history = history;
    this.register = register;
  }

  public List<KeyNodeView> of(String caseNumber) {
    Set<KeyNode> reached = reached(caseNumber);
    Map<KeyNode, Long> material = register.keyNodeMaterial(caseNumber);
    return Arrays.stream(KeyNode.values()).map(node -> {
      long count = material.getOrDefault(node, 0L);
      return new KeyNodeView(node.id(), node.label(), reached.contains(node), count, reached.contains(node) && count == 0);
    }).toList();
  }

  Set<KeyNode> reached(String caseNumber) {
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
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber).list().stream()
        .anyMatch(instance -> history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
            .activityId(NETWORK_INQUIRY_TASK).finished().count() > 0);
  }

  private boolean exists(String sql, String caseNumber) {
    Integer count = jdbc.queryForObject(sql, Integer.class, caseNumber);
    return count != null && count > 0;
  }
}
