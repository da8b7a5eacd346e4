package cn.court.enforcement.allocation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
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
   * @throws org.camunda.bpm.engine.delegate.BpmnError      {@value Candidates#NO_ELIGIBLE_TEAM}
   */
  public DrawRecord allocate(String caseNumber, String processInstanceId,
      Collection<String> conflictTeams, String conflictReason) {
    return ownTransaction.execute(status -> {
      // Lock first: two jobs for one case must not both miss the existing record.
      ChainHead head = draws.lockHead();
      return draws.findByCaseNumber(caseNumber).orElseGet(() -> {
        Candidates candidates = Candidates.of(properties, conflictTeams, conflictReason);
        Candidates.Pick pick = candidates.pick(source);
        DrawRecord record = DrawRecord.link(head.lastId() + 1, caseNumber, processInstanceId,
            candidates.eligibleJson(), candidates.excludedJson(), pick.drawValue(), pick.team(),
            Instant.now().truncatedTo(ChronoUnit.MILLIS), head.lastHash());
        draws.append(record);
        return record;
      });
    });
  }
}
