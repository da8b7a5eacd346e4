package cn.court.enforcement.termination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.CaseRegistry.CaseParty;
import cn.court.enforcement.casefile.CaseRegistry.PropertyItem;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.escalation.TimeLimitsSpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The five-year follow-up of a case closed as 终本 with the engine clock (第九条第二款 of
 * 《最高人民法院关于严格规范终结本次执行程序的规定（试行）》（法〔2016〕373号）): ten six-monthly queries, each
 * told to the applicant, then the end; property found at a query leads to resumption into a linked
 * 执恢 case with the old case's parties, unpaid amount and property.
 */
@TimeLimitsSpringTest
class FollowUpProcessTest {

  private static final AtomicInteger SERIAL = new AtomicInteger(7100);
  private static final LocalDate FILED = LocalDate.of(2023, 5, 10);
  private static final LocalDate RULED = LocalDate.of(2023, 11, 10);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired CaseRegistry cases;
  @Autowired FollowUpRegistry followUps;
  @Autowired ResumptionRegistry resumptions;
  @Autowired JdbcTemplate jdbc;

  private ResumptionFlow flow;
  private String caseNumber;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    flow = new ResumptionFlow(runtime, tasks, identity, management, cases);
    caseNumber = "（2023）豫0000执" + SERIAL.incrementAndGet() + "号";
  }

  @AfterEach
  void reset() {
    identity.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void aCaseClosedAsTerminatedStartsItsFollowUpBesideIt() {
    ProcessInstance terminated = flow.terminatedCase(caseNumber, FILED, RULED);

    assertThat(runtime.getActiveActivityIds(terminated.getId())).contains("Task_PublishRuling");
    ProcessInstance followUp = flow.followUp(caseNumber);
    assertThat(followUp).isWaitingAt("Event_SixMonthsPassed")
        .variables().containsEntry("caseInstanceId", terminated.getId()).containsEntry("unpaidAmount", "86500.35")
        .containsEntry("terminatedOn", "2023-11-10").containsEntry("handlingTeam", ResumptionFlow.TEAM)
        .containsEntry("caseHandler", ResumptionFlow.HANDLER).containsEntry("nextQueryAt", "2024-05-10")
        .containsEntry("respondentName", "张三等2人");
    assertThat(flow.timer(followUp.getId()).getDuedate()).isEqualTo(ResumptionFlow.at(LocalDate.of(2024, 5, 10).atTime(9, 0)));
    assertThat(followUps.followUp(caseNumber)).hasValueSatisfying(f -> {
      assertThat(f.unpaidAmount()).isEqualByComparingTo("86500.35");
      assertThat(f.endReason()).isNull();
    });
  }

  @Test
  void tenSixMonthlyQueriesOverFiveYearsThenTheFollowUpEndsByItself() {
    flow.terminatedCase(caseNumber, FILED, RULED);
    String followUp = flow.followUp(caseNumber).getId();

    for (int query = 1; query <= FollowUpSchedule.QUERIES; query++) {
      assertThat(flow.timer(followUp).getDuedate())
          .isEqualTo(ResumptionFlow.at(RULED.plusMonths(6L * query).atTime(9, 0)));
      flow.sixMonthsPass(followUp);
      assertThat(BpmnAwareTests.processInstanceQuery().processInstanceId(followUp).singleResult())
          .isWaitingAt("Task_QueryRespondentProperty");
      assertThat(flow.task(followUp, "Task_QueryRespondentProperty")).hasCandidateGroup("network-control");
      flow.complete(followUp, "Task_QueryRespondentProperty", "wangyanjiao", List.of("network-control"),
          Map.of("propertyFound", false));
      assertThat(runtime.getVariable(followUp, "letterText").toString())
          .contains("第" + query + "次查询（共10次）").contains("未发现可供执行的财产").contains("不受申请执行时效期间的限制");
      assertThat(flow.task(followUp, "Task_InformApplicantOfQuery")).hasCandidateGroup("documents");
      flow.inform(followUp, "Task_InformApplicantOfQuery");
    }

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(followUp).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_FiveYearsDone");
    assertThat(followUps.queries(caseNumber)).extracting(FollowUpRegistry.Query::queriedOn)
        .containsExactly(LocalDate.of(2024, 5, 10), LocalDate.of(2024, 11, 10), LocalDate.of(2025, 5, 10),
            LocalDate.of(2025, 11, 10), LocalDate.of(2026, 5, 10), LocalDate.of(2026, 11, 10),
            LocalDate.of(2027, 5, 10), LocalDate.of(2027, 11, 10), LocalDate.of(2028, 5, 10),
            LocalDate.of(2028, 11, 10));
    assertThat(followUps.followUp(caseNumber)).hasValueSatisfying(f -> assertThat(f.endReason()).isEqualTo("five-years"));
    assertThat(resumptions.resumedAs(caseNumber)).isEmpty();
  }

  @Test
  void propertyFoundAtTheThirdQueryResumesTheCaseIntoALinkedCaseWithItsPartiesAndUnpaidAmount() {
    ProcessInstance terminated = flow.terminatedCase(caseNumber, FILED, RULED);
    String followUp = flow.followUp(caseNumber).getId();
    flow.sixMonthsPass(followUp);
    flow.nothingFound(followUp);
    flow.sixMonthsPass(followUp);
    flow.nothingFound(followUp);
    flow.sixMonthsPass(followUp);
    flow.propertyFound(followUp);

    ProcessInstance resumption = flow.resumption(caseNumber);
    assertThat(resumption).isWaitingAt("Task_ReviewResumption").task().isAssignedTo(ResumptionFlow.REVIEWER);
    assertThat(resumption).variables().containsEntry("resumptionTrigger", "property-found")
        .containsEntry("unpaidAmount", "86500.35");
    assertThat(runtime.getVariable(resumption.getId(), "resumptionReason").toString())
        .contains("第3次查询").contains("银行存款").contains("52300.10");
    assertThat(BpmnAwareTests.processInstanceQuery().processInstanceId(followUp).singleResult())
        .as("the follow-up goes on until the resumption is approved").isWaitingAt("Event_SixMonthsPassed");

    flow.approve(resumption.getId());

    String resumed = (String) history.createHistoricVariableInstanceQuery().processInstanceId(resumption.getId())
        .variableName("resumedAs").singleResult().getValue();
    assertThat(resumed).matches("（2025）豫0000执恢\\d+号");
    ProcessInstance newCase = runtime.createProcessInstanceQuery().processDefinitionKey("enforcement-case")
        .processInstanceBusinessKey(resumed).singleResult();
    assertThat(newCase).as("registered and at intake like any filed case").isWaitingAt("Task_VerifyFilingData")
        .variables().containsEntry("resumedFrom", caseNumber).containsEntry("amountClaimed", 86500.35)
        .containsEntry("filingDate", "2025-05-10");
    assertThat(runtime.getVariable(terminated.getId(), "resumedAs")).isEqualTo(resumed);
    assertThat(resumptions.resumedAs(caseNumber)).hasValue(resumed);
    assertThat(resumptions.resumedFrom(resumed)).hasValue(caseNumber);
    assertThat(jdbc.queryForObject("select amount_claimed from case_file where case_number = ?", BigDecimal.class, resumed))
        .isEqualByComparingTo("86500.35");
    assertThat(cases.parties(resumed)).extracting(p -> p.party().role() + ":" + p.party().name() + ":" + p.party().idNumber())
        .containsExactlyElementsOf(cases.parties(caseNumber).stream()
            .map(p -> p.party().role() + ":" + p.party().name() + ":" + p.party().idNumber()).toList());
    List<PropertyItem> items = cases.propertyItems(resumed);
    assertThat(items).singleElement().satisfies(item -> {
      assertThat(item.kind()).isEqualTo("vehicle");
      assertThat(item.value()).isEqualByComparingTo("30000.00");
      CaseParty owner = cases.respondents(resumed).stream().filter(p -> p.id() == item.respondentId()).findFirst().orElseThrow();
      assertThat(owner.party().idNumber()).isEqualTo(ResumptionFlow.TRADING_COMPANY);
    });
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(followUp)
        .activityId("EndEvent_FollowUpResumed").count()).isOne();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(followUp).count()).isZero();
    assertThat(followUps.followUp(caseNumber)).hasValueSatisfying(f -> assertThat(f.endReason()).isEqualTo("resumed"));
    assertThat(followUps.queries(caseNumber)).extracting(FollowUpRegistry.Query::propertyFound)
        .containsExactly(false, false, true);
  }

  @Test
  void foundPropertyNeedsItsKindDescriptionAndValue() {
    flow.terminatedCase(caseNumber, FILED, RULED);
    String followUp = flow.followUp(caseNumber).getId();
    flow.sixMonthsPass(followUp);

    assertThatThrownBy(() -> flow.complete(followUp, "Task_QueryRespondentProperty", "wangyanjiao",
        List.of("network-control"), Map.of("propertyFound", true)))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("财产种类").hasMessageContaining("财产情况").hasMessageContaining("金额或价值");
    assertThatThrownBy(() -> flow.complete(followUp, "Task_QueryRespondentProperty", "wangyanjiao",
        List.of("network-control"), Map.of("propertyFound", true, "propertyKind", "deposit",
            "propertyDescription", "中国银行账户", "propertyValue", "12.345")))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("最多保留两位小数");
    assertThat(followUps.queries(caseNumber)).isEmpty();
  }
}
