package cn.court.enforcement.funds;

import cn.court.enforcement.casefile.ClosureCondition;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * No closure while money of the case is unpaid (SPEC §2 step 11; issue 13): arrived − costs
 * settled − paid out above zero refuses every kind of closure, with the figures.
 */
@Component
public class UnpaidCaseMoney implements ClosureCondition {

  private final CaseMoneyLedger ledger;

  public UnpaidCaseMoney(CaseMoneyLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public Optional<String> refusal(String caseNumber, String closureKind) {
    CaseMoneyBalance balance = ledger.balance(caseNumber);
    if (balance.outstanding().signum() <= 0) {
      return Optional.empty();
    }
    return Optional.of("尚有案款 %s 元未发放（%s），案款发放完毕前不能结案"
        .formatted(balance.outstanding().toPlainString(), balance.describe()));
  }
}
