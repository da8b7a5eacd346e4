package cn.court.enforcement.funds;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives case-funds runs as the people of the demo organisation would: an arrival raised by the
 * case (message CaseMoneyArrived, contract of issue 13 §3), then each task claimed and completed
 * by its person with the form's values (amounts as text, to the fen).
 */
final class FundsFlow {

  static final String TEAM = "ordinary-team-1";
  static final String HANDLER = "hongjianjun";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;

  FundsFlow(RuntimeService runtime, TaskService tasks, IdentityService identity) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
  }

  /** The case raises an arrival (source deduction); returns the case-funds instance. */
  String arrive(String caseNumber, String amount, String arrivedOn) {
    return runtime.createMessageCorrelation(FundsVariables.ARRIVAL_MESSAGE).processInstanceBusinessKey(caseNumber)
        .setVariables(Map.of("caseNumber", caseNumber, FundsVariables.HANDLING_TEAM, TEAM,
            FundsVariables.CASE_HANDLER, HANDLER, FundsVariables.MONEY_SOURCE, "deduction",
            FundsVariables.MONEY_AMOUNT, amount, FundsVariables.MONEY_ARRIVED_ON, arrivedOn,
            FundsVariables.MONEY_PAYER, "某某建材有限公司"))
        .correlateStartMessage().getId();
  }

  Task task(String instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
  }

  /** {@code user} (of {@code groups}) claims the task if nobody has and completes it. */
  void complete(String instance, String key, String user, List<String> groups, Map<String, Object> values) {
    Task task = task(instance, key);
    if (task.getAssignee() == null) {
      tasks.claim(task.getId(), user);
    }
    identity.setAuthentication(user, groups);
    try {
      tasks.complete(task.getId(), values);
    } finally {
      identity.clearAuthentication();
    }
  }

  void confirm(String instance) {
    complete(instance, "Task_ConfirmMoneyArrival", "heqi", List.of("funds"), Map.of("arrivalConfirmed", true));
  }

  /** The handler settles the costs and proposes the payout: payee, share, payee, share … */
  void settle(String instance, String fee, String payout, String deferral, String... shares) {
    Map<String, Object> values = new HashMap<>();
    values.put("amountChecked", true);
    values.put(FundsVariables.EXECUTION_FEE, fee);
    values.put(FundsVariables.DISPOSAL_COSTS, "0.00");
    values.put(FundsVariables.APPLICANT_NOTIFIED_ON, "2026-03-03");
    values.put(FundsVariables.PAYOUT_TOTAL, payout);
    values.put(FundsVariables.DEFERRAL_REASON, deferral);
    for (int i = 0; i < shares.length; i += 2) {
      values.put(FundsVariables.PAYEE + (i / 2 + 1), shares[i]);
      values.put(FundsVariables.SHARE + (i / 2 + 1), shares[i + 1]);
    }
    complete(instance, "Task_SettleCaseMoney", HANDLER, List.of(TEAM), values);
  }

  void approve(String instance) {
    complete(instance, "Task_ApprovePayout", "juzhang", List.of("bureau-leaders"),
        Map.of(FundsVariables.PAYOUT_DECISION, "approve", FundsVariables.APPROVAL_OPINION, "同意"));
  }

  void returnProposal(String instance, String reason) {
    complete(instance, "Task_ApprovePayout", "juzhang", List.of("bureau-leaders"),
        Map.of(FundsVariables.PAYOUT_DECISION, "return", FundsVariables.APPROVAL_OPINION, reason));
  }

  void pay(String instance) {
    complete(instance, "Task_PayCaseMoney", "caiwu", List.of("finance"),
        Map.of(FundsVariables.PAYMENT_RESULT, "paid", FundsVariables.PAID_ON, "2026-03-10"));
  }

  void endSupervision(String instance) {
    complete(instance, "Task_SuperviseCaseMoney", "heqi", List.of("funds"), Map.of("supervisionNote", "发放完毕"));
  }

  /** One arrival from the case to the payee's account, with the execution fee. */
  String paidOut(String caseNumber, String amount, String fee, String... shares) {
    String instance = arrive(caseNumber, amount, "2026-03-02");
    confirm(instance);
    String payout = new BigDecimal(amount).subtract(new BigDecimal(fee)).toPlainString();
    settle(instance, fee, payout, null, shares);
    approve(instance);
    pay(instance);
    endSupervision(instance);
    return instance;
  }
}
