package cn.court.enforcement.funds;

import static cn.court.enforcement.funds.FundsVariables.NEXT_DONE;
import static cn.court.enforcement.funds.FundsVariables.NEXT_SETTLE;
import static cn.court.enforcement.funds.FundsVariables.PAYOUT_DONE;
import static cn.court.enforcement.funds.FundsVariables.PAYOUT_NEXT;
import static cn.court.enforcement.funds.FundsVariables.PAYOUT_RETURNED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Where a payout run goes after the approver or the finance office (variable
 * {@value FundsVariables#PAYOUT_NEXT}, read by the diagram's gateways): on to payment, back to the
 * handler (a proposal sent back, or the deferred rest still to pay) or done.
 */
@Component
public class PayoutRoute {

  void to(DelegateExecution execution, String next) {
    execution.setVariable(PAYOUT_NEXT, next);
  }

  /** The proposal was sent back with {@code reason}: the handler proposes again. */
  void back(DelegateExecution execution, String reason) {
    execution.setVariable(PAYOUT_RETURNED, reason);
    to(execution, NEXT_SETTLE);
  }

  /** This payout is settled; a deferred rest brings the handler back to pay it later. */
  void finished(DelegateExecution execution, boolean restDeferred) {
    execution.setVariable(PAYOUT_RETURNED, null);
    to(execution, restDeferred ? NEXT_SETTLE : NEXT_DONE);
    execution.setVariable(PAYOUT_DONE, !restDeferred);
  }

  /** Who completes the task, for the ledger (null for the engine's own callers). */
  String user(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }
}
