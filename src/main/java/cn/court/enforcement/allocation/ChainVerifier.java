package cn.court.enforcement.allocation;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Walks the draw chain and reports the first record that is not what was written. */
@Service
public class ChainVerifier {

  private final AllocationDrawRepository draws;

  public ChainVerifier(AllocationDrawRepository draws) {
    this.draws = draws;
  }

  /** Read-only transaction: on PostgreSQL the head and the records come from one snapshot. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public ChainVerification verify() {
    ChainHead head = draws.head();
    Walk walk = new Walk();
    draws.forEachInChainOrder(walk::check);
    if (walk.broken != null) {
      return broken(walk, head, walk.broken.id(), walk.broken.caseNumber(),
          "第" + walk.broken.id() + "号分案记录（案号 " + walk.broken.caseNumber() + "）" + walk.reason);
    }
    if (walk.lastId < head.lastId()) {
      return broken(walk, head, walk.lastId + 1, null, "分案记录链不完整：链头记录到第" + head.lastId()
          + "号，实际只到第" + walk.lastId + "号，其后的记录已被删除");
    }
    if (walk.lastId > head.lastId() || !walk.lastHash.equals(head.lastHash())) {
      return broken(walk, head, head.lastId() + 1, null, "分案记录链与链头不符：链头记录到第"
          + head.lastId() + "号，其后的记录未经系统写入或链头被改动");
    }
    return new ChainVerification(true, walk.checked, head.lastId(), head.lastHash(), null, null,
        "全部" + walk.checked + "条分案记录完整，未发现篡改、删除或调换");
  }

  private static ChainVerification broken(Walk walk, ChainHead head, long brokenId,
      String caseNumber, String message) {
    return new ChainVerification(false, walk.checked, head.lastId(), head.lastHash(), brokenId,
        caseNumber, message);
  }

  /** State of one walk along the chain; stops checking at the first broken record. */
  private static final class Walk {
    long checked;
    long lastId;
    String lastHash = DrawRecord.GENESIS_HASH;
    DrawRecord broken;
    String reason;

    void check(DrawRecord record) {
      if (broken != null) {
        return;
      }
      checked++;
      reason = problem(record);
      if (reason != null) {
        broken = record;
        return;
      }
      lastId = record.id();
      lastHash = record.hash();
    }

    private String problem(DrawRecord record) {
      if (record.id() != lastId + 1) {
        return "前缺少第" + (lastId + 1) + (record.id() - 1 > lastId + 1 ? "至" + (record.id() - 1) : "")
            + "号记录（已被删除）";
      }
      if (!record.previousHash().equals(lastHash)) {
        return "与前一条记录衔接不上（前序哈希不符），前一条记录被删除、调换或改动";
      }
      if (!record.computeHash().equals(record.hash())) {
        return "内容与其哈希不符，记录已被改动";
      }
      if (!drawMatchesTeam(record)) {
        return "抽签值与所选团队不一致";
      }
      return null;
    }

    private static boolean drawMatchesTeam(DrawRecord record) {
      List<String> eligible = Candidates.parseEligible(record.candidates());
      return record.drawValue() >= 0 && record.drawValue() < eligible.size()
          && eligible.get(record.drawValue()).equals(record.chosenTeam());
    }
  }
}
