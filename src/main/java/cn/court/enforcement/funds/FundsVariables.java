package cn.court.enforcement.funds;

import java.util.Map;

/** Names of the process variables of {@code case-funds} (the arrival's are the contract of issue 13 §3). */
public final class FundsVariables {

  public static final String PROCESS_KEY = "case-funds";
  public static final String ARRIVAL_MESSAGE = "CaseMoneyArrived";

  // The arrival, sent by the case (message start) or entered by hand (start form).
  public static final String CASE_INSTANCE_ID = "caseInstanceId";
  public static final String HANDLING_TEAM = "handlingTeam";
  public static final String CASE_HANDLER = "caseHandler";
  public static final String MONEY_SOURCE = "moneySource";
  public static final String MONEY_AMOUNT = "moneyAmount";
  public static final String MONEY_ARRIVED_ON = "moneyArrivedOn";
  public static final String MONEY_PAYER = "moneyPayer";
  /** Who entered a hand-registered arrival (the start event's initiator). */
  public static final String REGISTERED_BY = "moneyRegisteredBy";

  /** The sources of case money and their Chinese names. */
  public static final Map<String, String> SOURCES = Map.of(
      "disposal", "财产处置价款",
      "deduction", "扣划存款",
      "voluntary", "被执行人自动履行",
      "other", "其他");

  // The handler's settlement and payout proposal (核算案款并拟定发放方案).
  public static final String CASE_MONEY_AVAILABLE = "caseMoneyAvailable";
  public static final String EXECUTION_FEE = "executionFee";
  public static final String DISPOSAL_COSTS = "disposalCosts";
  public static final String APPLICANT_NOTIFIED_ON = "applicantNotifiedOn";
  public static final String PAYOUT_TOTAL = "payoutTotal";
  public static final String DEFERRAL_REASON = "deferralReason";
  /** Payees and shares are fields payee1/share1 … payee3/share3 (a case has at most three applicants). */
  public static final int MAX_PAYEES = 3;
  public static final String PAYEE = "payee";
  public static final String SHARE = "share";
  /** The proposal as one line for the approver, the finance office and the supervisor. */
  public static final String PAYOUT_SUMMARY = "payoutSummary";
  /** Why the last proposal came back (approver or finance office), shown to the handler. */
  public static final String PAYOUT_RETURNED = "payoutReturned";

  // Approval (审批执行款发放) and payment (审核并支付执行款).
  public static final String PAYOUT_DECISION = "payoutDecision";
  public static final String APPROVAL_OPINION = "approvalOpinion";
  public static final String PAYMENT_RESULT = "paymentResult";
  public static final String PAID_ON = "paidOn";
  public static final String FINANCE_NOTE = "financeNote";

  /** Where the run goes next: {@value #NEXT_PAY}, {@value #NEXT_SETTLE} or {@value #NEXT_DONE}. */
  public static final String PAYOUT_NEXT = "payoutNext";
  public static final String NEXT_PAY = "pay";
  public static final String NEXT_SETTLE = "settle";
  public static final String NEXT_DONE = "done";
  /** Set when nothing of the arrival is left to pay out: the supervision may end. */
  public static final String PAYOUT_DONE = "payoutDone";

  private FundsVariables() {
  }
}
