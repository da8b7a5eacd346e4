package cn.court.enforcement.dossier;

import java.util.Arrays;
import java.util.Optional;

/**
 * The key nodes of a case whose material the archive centre registers on receipt (SPEC §6,
 * 实施方案“关键节点材料”). The ids are the options of the check form's checklist.
 */
public enum KeyNode {
  NETWORK_CONTROL("network-control", "网络查控"),
  OFFLINE_SEIZURE("offline-seizure", "线下查封、冻结、扣划"),
  INVESTIGATION("investigation", "传统查控（调查、搜查）"),
  DISPOSAL("disposal", "财产处置"),
  PAYOUT("payout", "案款发放");

  private final String id;
  private final String label;

  KeyNode(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public static Optional<KeyNode> of(String id) {
    return Arrays.stream(values()).filter(node -> node.id.equals(id)).findFirst();
  }
}
