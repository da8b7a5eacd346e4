package cn.court.enforcement.funds;

import static cn.court.enforcement.funds.FundsFlow.HANDLER;
import static cn.court.enforcement.funds.FundsFlow.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.court.enforcement.calendar.CaseClock;
import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.escalation.SweepTestSupport;
import cn.court.enforcement.escalation.TimeLimitsSpringTest;
import cn.court.enforcement.funds.CaseMoneyLedger.Payout;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Case money from arrival to payee (《最高人民法院关于执行款物管理工作的规定》（法发〔2017〕6号）): each
 * arrival registered in the ledger, the handler settles costs and proposes shares within 30 days
 * of the arrival (第十一条), a bureau leader approves (第十二条), the finance office pays (第十四条),
 * the funds unit supervises to the end. Never more paid out than arrived; exact to the fen.
 */
@TimeLimitsSpringTest
class CaseFundsProcessTest {

  private static final ZoneId COURT = ZoneId.of("Asia/Shanghai");
  private static final AtomicInteger SERIAL = new AtomicInteger(6100);

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired CaseMoneyLedger ledger;
  @Autowired UnpaidCaseMoney unpaid;
  @Autowired CaseClock clock;
  @Autowired JdbcTemplate jdbc;

  private FundsFlow flow;
  private String caseNumber;

  @BeforeEach
  void init() {
    flow = new FundsFlow(runtime, tasks, identity);
    caseNumber = "（2026）豫0000执" + SERIAL.incrementAndGet() + "号";
    ClockUtil.setCurrentTime(at("2026-03-02T10:00"));
  }

  @AfterEach
  void reset() {
    identity.clearAuthentication();
    ClockUtil.reset();
  }

  private static Date at(String dateTime) {
    return Date.from(LocalDateTime.parse(dateTime).atZone(COURT).toInstant());
  }

  @Test
  void oneArrivalIsRegisteredSettledApprovedPaidAndSupervisedToTheEnd() {
    String instance = flow.arrive(caseNumber, "50000.00", "2026-03-02");
    assertThat(ledger.arrivals(caseNumber)).singleElement().satisfies(arrival -> {
      assertThat(arrival.source()).isEqualTo("deduction");
      assertThat(arrival.amount()).isEqualTo(new BigDecimal("50000.00"));
      assertThat(arrival.arrivedOn()).isEqualTo(LocalDate.parse("2026-03-02"));
      assertThat(arrival.payer()).isEqualTo("某某建材有限公司");
      assertThat(arrival.processInstanceId()).isEqualTo(instance);
    });
    assertThat(groups(flow.task(instance, "Task_ConfirmMoneyArrival"))).containsExactly("funds");
    flow.confirm(instance);

    // The handler's task: the team is a candidate, the handler has it, due 30 days after arrival.
    Task settle = flow.task(instance, "Task_SettleCaseMoney");
    assertThat(groups(settle)).containsExactly(TEAM);
    assertThat(settle.getAssignee()).isEqualTo(HANDLER);
    assertThat(settle.getDueDate()).isEqualTo(at("2026-04-01T23:59:59"));
    assertThat(tasks.getVariable(settle.getId(), FundsVariables.CASE_MONEY_AVAILABLE)).isEqualTo("50000.00");
    // Beside it, the funds unit supervises (due at the same limit) and cannot end early.
    Task supervision = flow.task(instance, "Task_SuperviseCaseMoney");
    assertThat(groups(supervision)).containsExactly("funds");
    assertThat(supervision.getDueDate()).isEqualTo(settle.getDueDate());
    assertThatThrownBy(() -> flow.endSupervision(instance)).isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("无法完成「监督案款发放」：本次到账案款尚未发放完毕（当前环节：核算案款并拟定发放方案），发放完毕后方可结束监督");

    flow.settle(instance, "500.00", "49500.00", null, "张三", "49500.00");
    assertThat(groups(flow.task(instance, "Task_ApprovePayout"))).containsExactly("bureau-leaders");
    assertThat(runtime.getVariable(instance, FundsVariables.PAYOUT_SUMMARY)).isEqualTo("张三 49500.00 元");
    assertThat(ledger.balance(caseNumber)).isEqualTo(balance("50000.00", "500.00", "0.00", "49500.00"));
    flow.approve(instance);
    assertThat(groups(flow.task(instance, "Task_PayCaseMoney"))).containsExactly("finance");
    flow.pay(instance);
    // Approved today by the engine clock (the test's 2026-03-02), paid on the day finance records.
    assertThat(ledger.payouts(caseNumber)).extracting(Payout::payee, Payout::share, Payout::status, Payout::approvedOn,
            Payout::paidOn)
        .containsExactly(tuple("张三", new BigDecimal("49500.00"), "paid", LocalDate.parse("2026-03-02"),
            LocalDate.parse("2026-03-10")));
    assertThat(jdbc.queryForMap("select approved_by, paid_by, proposed_by from case_money_payout where case_number = ?",
        caseNumber)).containsEntry("APPROVED_BY", "juzhang").containsEntry("PAID_BY", "caiwu")
        .containsEntry("PROPOSED_BY", HANDLER);
    assertThat(textOnly(instance)).isTrue();

    flow.endSupervision(instance);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    CaseMoneyBalance balance = ledger.balance(caseNumber);
    assertThat(balance).isEqualTo(balance("50000.00", "500.00", "49500.00", "0.00"));
    assertThat(balance.outstanding()).isEqualTo(new BigDecimal("0.00"));
    assertThat(unpaid.refusal(caseNumber, "fully-performed")).isEmpty();
  }

  @Test
  void twoArrivalsPaidToTwoApplicantsByTheirSharesNeverMoreThanArrived() {
    String first = flow.arrive(caseNumber, "30000.10", "2026-03-02");
    flow.confirm(first);
    assertThatThrownBy(() -> flow.settle(first, "100.10", "29900.00", null, "张三", "17940.00", "李四", "11960.01"))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("各收款人份额之和（29900.01 元）与本次发放金额（29900.00 元）不一致");
    flow.settle(first, "100.10", "29900.00", null, "张三", "17940.00", "李四", "11960.00");
    flow.approve(first);
    flow.pay(first);
    flow.endSupervision(first);

    String second = flow.arrive(caseNumber, "20000.25", "2026-03-05");
    flow.confirm(second);
    assertThat(runtime.getVariable(second, FundsVariables.CASE_MONEY_AVAILABLE)).isEqualTo("20000.25");
    assertThatThrownBy(() -> flow.settle(second, "0.00", "20000.26", null, "张三", "12000.16", "李四", "8000.10"))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("无法完成「核算案款并拟定发放方案」：执行费用与本次发放金额合计 20000.26 元，超过本案可发放的案款余额 20000.25 元"
            + "（已到账 50000.35 元，执行费用 100.10 元，已发放 29900.00 元）");
    assertThat(ledger.payouts(caseNumber)).as("nothing written by the refusal").hasSize(2);
    flow.settle(second, "0.00", "20000.25", null, "张三", "12000.15", "李四", "8000.10");
    flow.approve(second);
    flow.pay(second);
    flow.endSupervision(second);

    assertThat(ledger.balance(caseNumber)).isEqualTo(balance("50000.35", "100.10", "49900.25", "0.00"));
    assertThat(ledger.payouts(caseNumber)).extracting(Payout::payee, Payout::share).containsExactly(
        tuple("张三", new BigDecimal("17940.00")), tuple("李四", new BigDecimal("11960.00")),
        tuple("张三", new BigDecimal("12000.15")), tuple("李四", new BigDecimal("8000.10")));
    assertThat(jdbc.queryForList("select payee, sum(share) as total from case_money_payout where case_number = ? "
        + "and status = 'paid' group by payee order by min(id)", caseNumber))
        .extracting(row -> row.get("PAYEE"), row -> row.get("TOTAL"))
        .containsExactly(tuple("张三", new BigDecimal("29940.15")), tuple("李四", new BigDecimal("19960.10")));
  }

  @Test
  void aDeferredRestComesBackToTheHandlerAndTheCaseCannotCloseUntilItIsPaid() {
    String instance = flow.arrive(caseNumber, "10000.00", "2026-03-02");
    flow.confirm(instance);
    assertThatThrownBy(() -> flow.settle(instance, "0.00", "6000.00", null, "张三", "6000.00"))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("本次未发放全部余额（余 4000.00 元），请填写暂缓发放理由");
    flow.settle(instance, "0.00", "6000.00", "李四对余款分配有异议", "张三", "6000.00");
    flow.approve(instance);
    flow.pay(instance);

    // The rest waits for the handler; the case may not close with it unpaid.
    assertThat(flow.task(instance, "Task_SettleCaseMoney")).isNotNull();
    assertThat(runtime.getVariable(instance, FundsVariables.CASE_MONEY_AVAILABLE)).isEqualTo("4000.00");
    assertThat(unpaid.refusal(caseNumber, "fully-performed"))
        .contains("尚有案款 4000.00 元未发放（已到账 10000.00 元，执行费用 0.00 元，已发放 6000.00 元），案款发放完毕前不能结案");

    // Sent back by the approver, the proposal is void and the handler sees why.
    flow.settle(instance, "0.00", "4000.00", null, "张三", "4000.00");
    flow.returnProposal(instance, "收款人应为李四");
    assertThat(runtime.getVariable(instance, FundsVariables.PAYOUT_RETURNED)).isEqualTo("执行局领导退回：收款人应为李四");
    assertThat(ledger.balance(caseNumber)).isEqualTo(balance("10000.00", "0.00", "6000.00", "0.00"));
    flow.settle(instance, "0.00", "4000.00", null, "李四", "4000.00");
    flow.approve(instance);
    flow.pay(instance);
    flow.endSupervision(instance);

    assertThat(ledger.payouts(caseNumber)).extracting(Payout::payee, Payout::status).containsExactly(
        tuple("张三", "paid"), tuple("张三", "rejected"), tuple("李四", "paid"));
    assertThat(unpaid.refusal(caseNumber, "fully-performed")).isEmpty();
  }

  @Test
  void theThirtyDaysFromArrivalEscalateToTheTeamLeaderAndTheFundsUnit() {
    String instance = flow.arrive(caseNumber, "8000.00", "2026-03-02");
    flow.confirm(instance);
    Task settle = flow.task(instance, "Task_SettleCaseMoney");
    Task supervision = flow.task(instance, "Task_SuperviseCaseMoney");

    SweepTestSupport.sweepAt(management, at("2026-03-31T12:00"));
    assertThat(told(settle)).containsExactly("REMINDER " + HANDLER);
    SweepTestSupport.sweepAt(management, at("2026-04-02T00:05"));
    assertThat(told(settle)).containsExactly("REMINDER " + HANDLER, "OVERDUE zhouyuan");
    assertThat(told(supervision)).contains("OVERDUE heqi");
  }

  @Test
  void aClerkRegistersAPaymentByHandForACaseInHandlingOnly() {
    identity.setAuthentication("heqi", List.of("funds"));
    Map<String, Object> arrival = Map.of("caseNumber", caseNumber, FundsVariables.MONEY_SOURCE, "voluntary",
        FundsVariables.MONEY_AMOUNT, "1200.50", FundsVariables.MONEY_ARRIVED_ON, "2026-03-02",
        FundsVariables.MONEY_PAYER, "王五");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(FundsVariables.PROCESS_KEY, arrival))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("案件 " + caseNumber + " 不存在或不在办理中，不能登记到账案款。");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(FundsVariables.PROCESS_KEY,
        Map.of("caseNumber", caseNumber, FundsVariables.MONEY_SOURCE, "voluntary", FundsVariables.MONEY_AMOUNT, "12.345",
            FundsVariables.MONEY_ARRIVED_ON, "2026-03-02", FundsVariables.MONEY_PAYER, "王五")))
        .isInstanceOf(InvalidCaseDataException.class).hasMessage("无法登记到账案款：到账金额最多保留两位小数（精确到分）");

    clock.register(caseNumber, LocalDate.parse("2026-03-02"), false);
    String enforcementCase = runtime.createProcessInstanceByKey(CaseVariables.PROCESS_KEY).businessKey(caseNumber)
        .setVariables(Map.of(CaseVariables.CASE_NUMBER, caseNumber, CaseVariables.FILING_DATE, "2026-03-02",
            CaseVariables.HANDLING_TEAM, TEAM, "caseHandler", HANDLER, "caseHandlerTeam", TEAM,
            "applicantName", "张三", "amountClaimed", 1200.5))
        .startBeforeActivity("Task_ChooseNextMeasure").execute().getId();
    String instance = runtime.startProcessInstanceByKey(FundsVariables.PROCESS_KEY, arrival).getId();
    identity.clearAuthentication();

    assertThat(runtime.getVariables(instance)).containsEntry(FundsVariables.CASE_INSTANCE_ID, enforcementCase)
        .containsEntry(FundsVariables.HANDLING_TEAM, TEAM).containsEntry(FundsVariables.CASE_HANDLER, HANDLER)
        .containsEntry(FundsVariables.REGISTERED_BY, "heqi").containsEntry("applicantName", "张三")
        .containsEntry("amountClaimed", "1200.5");
    assertThat(ledger.arrivals(caseNumber)).singleElement().satisfies(row -> {
      assertThat(row.source()).isEqualTo("voluntary");
      assertThat(row.amount()).isEqualTo(new BigDecimal("1200.50"));
    });
    assertThat(jdbc.queryForObject("select registered_by from case_money_arrival where process_instance_id = ?",
        String.class, instance)).isEqualTo("heqi");
    assertThat(textOnly(instance)).isTrue();

    runtime.setVariable(enforcementCase, CaseVariables.CASE_CLOSED, true);
    identity.setAuthentication("heqi", List.of("funds"));
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(FundsVariables.PROCESS_KEY, arrival))
        .isInstanceOf(InvalidCaseDataException.class).hasMessage("案件 " + caseNumber + " 已结案，不能登记到账案款。");
  }

  @Test
  void moneyArrivingBeforeAnyTeamHasTheCaseIsCheckedByNetworkControl() {
    String instance = runtime.createMessageCorrelation(FundsVariables.ARRIVAL_MESSAGE).processInstanceBusinessKey(caseNumber)
        .setVariables(Map.of("caseNumber", caseNumber, FundsVariables.MONEY_SOURCE, "deduction",
            FundsVariables.MONEY_AMOUNT, "300", FundsVariables.MONEY_ARRIVED_ON, "2026-03-02",
            FundsVariables.MONEY_PAYER, "某某建材有限公司"))
        .correlateStartMessage().getId();
    assertThat(runtime.getVariable(instance, FundsVariables.MONEY_AMOUNT)).as("to the fen").isEqualTo("300.00");
    flow.confirm(instance);
    Task settle = flow.task(instance, "Task_SettleCaseMoney");
    assertThat(groups(settle)).containsExactly("network-control");
    assertThat(settle.getAssignee()).isNull();
  }

  private static CaseMoneyBalance balance(String arrived, String costs, String paid, String pending) {
    return new CaseMoneyBalance(new BigDecimal(arrived), new BigDecimal(costs), new BigDecimal(paid), new BigDecimal(pending));
  }

  /** No floating-point variable in the run: money travels as text. */
  private boolean textOnly(String instance) {
    return runtime.createVariableInstanceQuery().processInstanceIdIn(instance).list().stream()
        .map(VariableInstance::getTypeName).noneMatch(type -> type.equals("double"));
  }

  private List<String> groups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }

  /** What the sweep told about the task: "KIND recipient", in order. */
  private List<String> told(Task task) {
    return jdbc.queryForList("select kind || ' ' || recipient from court_notification where task_id = ? order by id",
        String.class, task.getId());
  }
}
