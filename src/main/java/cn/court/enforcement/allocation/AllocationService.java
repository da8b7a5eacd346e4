package cn.court.enforcement.allocation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Draws the handling team of an ordinary case, once per case. The draw is committed in its
 * own transaction before the process moves on: if the job fails later and is retried, the
 * retry finds the record and gets the same team instead of a second chance at the dice.
 */
@Service
public class AllocationService {

  private final AllocationProperties properties;
  private final AllocationDrawRepository draws;
  private final DrawSource source;
  private final TransactionTemplate ownTransaction;

  public AllocationService(AllocationProperties properties, AllocationDrawRepository draws,
      DrawSource source, PlatformTransactionManager transactionManager) {
    this.properties = properties;
    this.draws = draws;
    this.source = source;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * The case's draw: the stored one if the case was drawn before, else a new one.
   *
   * @throws org.camunda.bpm.engine.BadUserRequestException unknown conflict team
   * @throws BpmnError {@value Candidates#NO_ELIGIBLE_TEAM} nobody eligible, or the team drawn
   *                   earlier is now declared in conflict
   */
  public DrawRecord allocate(String caseNumber, String processInstanceId,
      Collection<String> conflictTeams, String conflictReason) {
    return ownTransaction.execute(status -> {
      // Lock first: two jobs for one case must not both miss the existing record.
      ChainHead head = draws.lockHead();
      return draws.findByCaseNumber(caseNumber)
          .map(earlier -> reuse(earlier, conflictTeams))
          .orElseGet(() -> draw(head, caseNumber, processInstanceId, conflictTeams, conflictReason));
    });
  }

  private DrawRecord draw(ChainHead head, String caseNumber, String processInstanceId,
      Collection<String> conflictTeams, String conflictReason) {
    Candidates candidates = Candidates.of(properties, conflictTeams, conflictReason);
    Candidates.Pick pick = candidates.pick(source);
    DrawRecord record = DrawRecord.link(head.lastId() + 1, caseNumber, processInstanceId,
        candidates.eligibleJson(), candidates.excludedJson(), pick.drawValue(), pick.team(),
        Instant.now().truncatedTo(ChronoUnit.MILLIS), head.lastHash());
    draws.append(record);
    return record;
  }

  /** No second draw, ever; a conflict declared later against the drawn team is for the leaders. */
  private static DrawRecord reuse(DrawRecord earlier, Collection<String> conflictTeams) {
    if (conflictTeams.contains(earlier.chosenTeam())) {
      throw new BpmnError(Candidates.NO_ELIGIBLE_TEAM, "本案已随机分配给" + earlier.chosenTeam()
          + "（第" + earlier.id() + "号分案记录），现申报该团队回避；不重新抽签，请执行局领导指定承办团队");
    }
    return earlier;
  }
}
