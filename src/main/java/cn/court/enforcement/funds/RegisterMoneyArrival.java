package cn.court.enforcement.funds;

import static cn.court.enforcement.funds.FundsVariables.CASE_HANDLER;
import static cn.court.enforcement.funds.FundsVariables.CASE_INSTANCE_ID;
import static cn.court.enforcement.funds.FundsVariables.HANDLING_TEAM;
import static cn.court.enforcement.funds.FundsVariables.MONEY_AMOUNT;
import static cn.court.enforcement.funds.FundsVariables.MONEY_ARRIVED_ON;
import static cn.court.enforcement.funds.FundsVariables.MONEY_PAYER;
import static cn.court.enforcement.funds.FundsVariables.MONEY_SOURCE;
import static cn.court.enforcement.funds.FundsVariables.REGISTERED_BY;
import static cn.court.enforcement.funds.FundsVariables.SOURCES;

import cn.court.enforcement.casefile.CaseTeam;
import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.handler.HandlerVariables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Start listener of both start events of {@code case-funds}: writes the arrival (source, amount,
 * date, payer) to the ledger — 《最高人民法院关于执行款物管理工作的规定》（法发〔2017〕6号）第三条 asks
 * the enforcement body to keep a ledger of every case's money. Sent by the case (message
 * {@value FundsVariables#ARRIVAL_MESSAGE}), the arrival comes with the case's team and handler;
 * entered by hand (start form: a voluntary payment or another arrival), it must name a case in
 * handling, whose team and handler it takes. Before any team has the case, network control (the
 * unit controlling its property then) checks the money. Amounts are text, exact to the fen.
 * A refusal starts nothing (Chinese 400).
 */
@Component("registerMoneyArrival")
public class RegisterMoneyArrival implements ExecutionListener {

  static final String HAND_START = "StartEvent_MoneyRegisteredByHand";
  private static final List<String> CARD_COLUMNS = List.of("applicantName", "respondentName",
      CaseVariables.AMOUNT_CLAIMED);
  private static final List<String> CASE_STATE = Stream.concat(Stream.of(CaseVariables.HANDLING_TEAM,
      CaseVariables.CASE_TRACK, HandlerVariables.CASE_HANDLER, HandlerVariables.CASE_HANDLER_TEAM,
      CaseVariables.CASE_CLOSED), CARD_COLUMNS.stream()).toList();

  private final CaseMoneyLedger ledger;

  public RegisterMoneyArrival(CaseMoneyLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    String caseNumber = check.text(CaseVariables.CASE_NUMBER, "案号");
    String source = check.oneOf(MONEY_SOURCE, "案款来源", SOURCES.keySet());
    BigDecimal amount = check.amount(MONEY_AMOUNT, "到账金额");
    check.require(amount == null || amount.signum() > 0, "到账金额应大于零");
    LocalDate arrivedOn = check.date(MONEY_ARRIVED_ON, "到账日期");
    String payer = check.text(MONEY_PAYER, "交款人", 200);
    check.throwIfInvalid("无法登记到账案款");
    execution.setProcessBusinessKey(caseNumber);
    execution.setVariable(CaseVariables.CASE_NUMBER, caseNumber);
    Map<String, Object> caseState = caseState(execution, caseNumber);
    if (HAND_START.equals(execution.getCurrentActivityId())) {
      takeTheCasesTeam(execution, caseNumber, caseState);
    }
    if (execution.getVariable(HANDLING_TEAM) == null) {
      execution.setVariable(HANDLING_TEAM, CaseTeam.NETWORK_CONTROL);
    }
    // Tasklist's cards show the case's parties and claim (tasklist/TaskFilters), as text.
    if (caseState != null) {
      CARD_COLUMNS.stream().filter(name -> caseState.get(name) != null)
          .forEach(name -> execution.setVariable(name, caseState.get(name) instanceof Number number
              ? new BigDecimal(number.toString()).toPlainString() : caseState.get(name).toString()));
    }
    execution.setVariable(MONEY_AMOUNT, CaseMoneyLedger.cents(amount).toPlainString());
    Object registeredBy = execution.getVariable(REGISTERED_BY);
    ledger.recordArrival(caseNumber, execution.getProcessInstanceId(), source, amount, arrivedOn, payer,
        registeredBy == null ? null : registeredBy.toString());
  }

  /** The variables of the case's instance (by its id from the case, else by case number), or null. */
  private static Map<String, Object> caseState(DelegateExecution execution, String caseNumber) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    Object caseInstanceId = execution.getVariable(CASE_INSTANCE_ID);
    // The funds clerk may not read the case's instance (only supervisors read all instances).
    return Context.getCommandContext().runWithoutAuthorization(() -> {
      ProcessInstance enforcementCase = caseInstanceId != null
          ? runtime.createProcessInstanceQuery().processInstanceId(caseInstanceId.toString()).singleResult()
          : runtime.createProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
              .processInstanceBusinessKey(caseNumber).singleResult();
      if (enforcementCase == null) {
        return null;
      }
      Map<String, Object> state = new HashMap<>(runtime.getVariables(enforcementCase.getId(), CASE_STATE));
      state.put(CASE_INSTANCE_ID, enforcementCase.getId());
      return state;
    });
  }

  private static void takeTheCasesTeam(DelegateExecution execution, String caseNumber, Map<String, Object> caseState) {
    if (caseState == null) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 不存在或不在办理中，不能登记到账案款。");
    }
    if (Boolean.TRUE.equals(caseState.get(CaseVariables.CASE_CLOSED))) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 已结案，不能登记到账案款。");
    }
    CaseTeam team = CaseTeam.of(caseState::get);
    execution.setVariable(CASE_INSTANCE_ID, caseState.get(CASE_INSTANCE_ID));
    execution.setVariable(HANDLING_TEAM, team.team());
    execution.setVariable(CASE_HANDLER, team.handler());
  }
}
