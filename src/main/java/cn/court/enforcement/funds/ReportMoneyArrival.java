package cn.court.enforcement.funds;

import static cn.court.enforcement.funds.FundsVariables.ARRIVAL_MESSAGE;
import static cn.court.enforcement.funds.FundsVariables.CASE_HANDLER;
import static cn.court.enforcement.funds.FundsVariables.CASE_INSTANCE_ID;
import static cn.court.enforcement.funds.FundsVariables.HANDLING_TEAM;
import static cn.court.enforcement.funds.FundsVariables.MONEY_AMOUNT;
import static cn.court.enforcement.funds.FundsVariables.MONEY_ARRIVED_ON;
import static cn.court.enforcement.funds.FundsVariables.MONEY_PAYER;
import static cn.court.enforcement.funds.FundsVariables.MONEY_SOURCE;

import cn.court.enforcement.calendar.Deadlines;
import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.CaseTeam;
import cn.court.enforcement.casefile.FormCheck;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The case's side of money arriving (issue 13 contract §3): money is an event, not a choice of
 * the team. Each arrival starts one case-funds instance by message {@code CaseMoneyArrived}:
 * proceeds of a disposal (service task of the case's event sub-process, its input mapping
 * naming source, amount, date and payer) and a deduction recorded by network or offline
 * control (as end listener of their tasks, {@link #notify}: a refusal then reaches the caller
 * unwrapped, as with {@link cn.court.enforcement.casefile.TaskCompletionListener}).
 */
@Component("reportMoneyArrival")
public class ReportMoneyArrival implements JavaDelegate, ExecutionListener {

  /** Fields of property-item and offline-control for money deducted (扣划) to the court's account. */
  static final String DEDUCTED_AMOUNT = "deductedAmount";
  static final String DEDUCTED_ON = "deductedOn";
  static final String OFFLINE_UNIT = "intensive-affairs";

  private final CaseRegistry registry;
  private final Deadlines deadlines;

  public ReportMoneyArrival(CaseRegistry registry, Deadlines deadlines) {
    this.registry = registry;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object arrivedOn = execution.getVariable(MONEY_ARRIVED_ON);
    // A disposal may report proceeds before their arrival date is known: the report's day then.
    report(execution, (String) execution.getVariable(MONEY_SOURCE), FormCheck.money(execution.getVariable(MONEY_AMOUNT)),
        arrivedOn == null ? deadlines.today() : LocalDate.parse(arrivedOn.toString()),
        (String) execution.getVariable(MONEY_PAYER));
  }

  /**
   * End listener of 登记查控财产 and 线下查控财产: money deducted from the respondent's account
   * (amount and date on the form) has arrived; the fields are cleared for the next item.
   */
  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled() || execution.getVariable(DEDUCTED_AMOUNT) == null) {
      return;
    }
    FormCheck check = new FormCheck(execution::getVariable);
    BigDecimal amount = check.amount(DEDUCTED_AMOUNT, "扣划金额（元）");
    check.require(amount == null || amount.signum() > 0, "扣划金额必须大于 0");
    LocalDate on = check.date(DEDUCTED_ON, "扣划日期");
    check.throwIfInvalid("无法登记扣划款");
    report(execution, "deduction", amount, on, payer(execution));
    execution.removeVariables(List.of(DEDUCTED_AMOUNT, DEDUCTED_ON, "propertyDeducted"));
  }

  /** Starts case-funds for one arrival; the amount travels as a string decimal (never a double). */
  public void report(DelegateExecution execution, String source, BigDecimal amount, LocalDate arrivedOn, String payer) {
    Map<String, Object> arrival = new HashMap<>();
    arrival.put("caseNumber", execution.getProcessBusinessKey());
    arrival.put(CASE_INSTANCE_ID, execution.getProcessInstanceId());
    CaseTeam team = CaseTeam.of(execution::getVariable);
    // Before triage no team has the case: the unit that recorded the deduction settles it.
    arrival.put(HANDLING_TEAM, team.team() != null ? team.team()
        : "Task_RecordPropertyItem".equals(execution.getCurrentActivityId()) ? CaseTeam.NETWORK_CONTROL : OFFLINE_UNIT);
    arrival.put(CASE_HANDLER, team.handler());
    arrival.put(MONEY_SOURCE, source);
    arrival.put(MONEY_AMOUNT, amount.setScale(2).toPlainString());
    arrival.put(MONEY_ARRIVED_ON, arrivedOn.toString());
    arrival.put(MONEY_PAYER, payer);
    execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(ARRIVAL_MESSAGE)
        .processInstanceBusinessKey(execution.getProcessBusinessKey()).setVariables(arrival).correlateStartMessage();
  }

  /**
   * The respondent the deducted item belongs to (the form's picker or the item's record). A pick
   * that is no party id names nobody here: the item's own listener then refuses it in Chinese.
   */
  private String payer(DelegateExecution execution) {
    Object picked = execution.getVariable("respondentPartyId");
    Long respondent = picked != null ? partyId(picked.toString())
        : execution.getVariable("propertyItemId") instanceof Number id ? registry.propertyItem(id.longValue()).respondentId()
        : null;
    return registry.respondents(execution.getProcessBusinessKey()).stream()
        .filter(p -> respondent != null && p.id() == respondent)
        .map(p -> p.party().name()).findFirst()
        .orElse((String) execution.getVariable("respondentName"));
  }

  private static Long partyId(String picked) {
    try {
      return Long.valueOf(picked);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
