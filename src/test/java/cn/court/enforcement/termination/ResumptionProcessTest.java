package cn.court.enforcement.termination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.escalation.TimeLimitsSpringTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Resumption (恢复执行, 第九条 of 《最高人民法院关于严格规范终结本次执行程序的规定（试行）》（法〔2016〕373号））:
 * on the applicant's application at any time, without a query, and years after the ruling (not
 * limited by the time limit for applying); refused with the reason told to the applicant; only for
 * a case closed as 终本, and once.
 */
@TimeLimitsSpringTest
class ResumptionProcessTest {

  private static final AtomicInteger SERIAL = new AtomicInteger(7200);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired CaseRegistry cases;
  @Autowired FollowUpRegistry followUps;
  @Autowired ResumptionRegistry resumptions;

  private ResumptionFlow flow;
  private String caseNumber;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    flow = new ResumptionFlow(runtime, tasks, identity, management, cases);
    caseNumber = "（2024）豫0000执" + SERIAL.incrementAndGet() + "号";
  }

  @AfterEach
  void reset() {
    identity.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void theApplicantsApplicationResumesTheCaseWithoutWaitingForAQuery() {
    flow.terminatedCase(caseNumber, LocalDate.of(2024, 1, 8), LocalDate.of(2024, 6, 3));
    String followUp = flow.followUp(caseNumber).getId();
    ClockUtil.setCurrentTime(ResumptionFlow.at(LocalDate.of(2024, 8, 20).atTime(10, 0)));

    String resumption = flow.apply(caseNumber);
    assertThat(BpmnAwareTests.processInstanceQuery().processInstanceId(resumption).singleResult())
        .hasBusinessKey(caseNumber).isWaitingAt("Task_ReviewResumption")
        .variables().containsEntry("resumptionTrigger", "application");
    flow.approve(resumption);

    String resumed = resumptions.resumedAs(caseNumber).orElseThrow();
    assertThat(resumed).matches("（2024）豫0000执恢\\d+号");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(resumption).variableName("resumedAs")
        .singleResult().getValue()).isEqualTo(resumed);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("enforcement-case")
        .processInstanceBusinessKey(resumed).singleResult()).isWaitingAt("Task_VerifyFilingData")
        .variables().containsEntry("resumedFrom", caseNumber)
        .containsEntry("propertyClues", "申请执行人发现张三名下新购车辆豫A·67890");
    assertThat(followUps.queries(caseNumber)).isEmpty();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(followUp)
        .activityId("EndEvent_FollowUpResumed").count()).isOne();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(followUp).count()).isZero();
    assertThatThrownBy(() -> flow.apply(caseNumber)).isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("案件" + caseNumber + "已恢复执行，新案号为" + resumed);
  }

  @Test
  void aRefusalIsToldToTheApplicantWithItsReasonAndTheFollowUpGoesOn() {
    flow.terminatedCase(caseNumber, LocalDate.of(2024, 1, 8), LocalDate.of(2024, 6, 3));
    String followUp = flow.followUp(caseNumber).getId();

    String resumption = flow.apply(caseNumber);
    assertThatThrownBy(() -> flow.complete(resumption, "Task_ReviewResumption", ResumptionFlow.REVIEWER,
        List.of("termination"), Map.of("resumptionDecision", "refused")))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("不予恢复执行的理由");
    flow.refuse(resumption, "经核查，该车辆登记在案外人名下，不属于被执行人的财产");

    assertThat(BpmnAwareTests.processInstanceQuery().processInstanceId(resumption).singleResult())
        .isWaitingAt("Task_InformApplicantOfRefusal").task().hasCandidateGroup("documents");
    assertThat(runtime.getVariable(resumption, "letterText").toString())
        .contains("决定不予恢复执行").contains("该车辆登记在案外人名下");
    assertThatThrownBy(() -> flow.complete(resumption, "Task_InformApplicantOfRefusal", "chengxinfeng",
        List.of("documents"), Map.of("informedBy", "carrier-pigeon")))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("告知方式");
    flow.inform(resumption, "Task_InformApplicantOfRefusal");

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(resumption).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_ResumptionRefused");
    assertThat(resumptions.resumedAs(caseNumber)).isEmpty();
    assertThat(BpmnAwareTests.processInstanceQuery().processInstanceId(followUp).singleResult())
        .isWaitingAt("Event_SixMonthsPassed");
  }

  @Test
  void resumptionYearsAfterTheRulingIsNotLimitedByTheTimeLimitForApplying() {
    // 民事诉讼法 第二百五十条: two years to apply for enforcement; 第九条第一款 of the 终本 rule lifts it.
    flow.terminatedCase(caseNumber, LocalDate.of(2024, 1, 8), LocalDate.of(2024, 6, 3));
    ClockUtil.setCurrentTime(ResumptionFlow.at(LocalDate.of(2026, 10, 12).atTime(10, 0)));

    String resumption = flow.apply(caseNumber);
    flow.approve(resumption);

    assertThat(resumptions.resumedAs(caseNumber)).hasValueSatisfying(n -> assertThat(n).startsWith("（2026）豫0000执恢"));
  }

  @Test
  void onlyACaseClosedAsTerminatedCanBeResumed() {
    assertThatThrownBy(() -> flow.apply("（2024）豫0000执9999号")).isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("案号（2024）豫0000执9999号不是已终结本次执行程序的案件，不能恢复执行");
  }
}
