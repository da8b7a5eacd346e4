package cn.court.enforcement.termination;

import static cn.court.enforcement.casefile.CaseFlow.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.casefile.CaseFlow;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.escalation.TimeLimitsSpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 终本 through the real enforcement case (法〔2016〕373号): the checklist is computed from what the
 * case recorded, each condition of 第一条 (with 第二条, 第三条, 第五条) alone unmet blocks the approval with
 * its reason, the first reviewer (解丽宣) cannot approve her own review, the approver (陈艳玲) can
 * return the case, and an approved, signed 终本 closes the case with its unpaid amount and a row in
 * the termination register.
 */
@TimeLimitsSpringTest
class TerminationReviewProcessTest {

  private static final ZoneId COURT = ZoneId.of("Asia/Shanghai");
  private static final AtomicInteger SERIAL = new AtomicInteger(9600);
  private static final String FIRST_REVIEWER = "xielixuan";
  private static final String APPROVER = "chenyanling";
  private static final String PERSON = "李四（410105198001011239）";
  private static final String COMPANY = "某某建材有限公司（91350100M000100Y43）";
  private static final String HOUSE = "被执行人李四在某县城关镇有住宅一套";

  /**
   * What the case leaves undone, one condition each: for the company (the second respondent) alone,
   * or for the case. The service dates and both online inquiries are required by their forms.
   */
  enum Gap { NONE, REPORT_NOT_CHECKED, RESTRICTION, CLUE_UNVERIFIED, TOO_EARLY, MISSING_NOT_SEARCHED, APPLICANT_NOT_HEARD,
    /** Not one condition: obstruction needs the dishonest list (第一条第二项) and a coercive measure (第一条第五项). */
    OBSTRUCTION_UNPUNISHED }

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired TerminationRegister register;
  @Autowired TerminationChecklist checklists;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;

  private String team;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void reset() {
    identity.clearAuthentication();
    ClockUtil.reset();
  }

  @ParameterizedTest
  @EnumSource(value = Gap.class, names = {"NONE", "OBSTRUCTION_UNPUNISHED"}, mode = EnumSource.Mode.EXCLUDE)
  void eachConditionAloneUnmetBlocksTheApprovalAndTheReviewerReturnsTheCase(Gap gap) {
    CaseFlow flow = proposed(gap);
    Task review = flow.at("Task_ReviewTerminationConditions");
    assertThat(review.getAssignee()).isEqualTo(FIRST_REVIEWER);
    if (gap == Gap.CLUE_UNVERIFIED) {
      // Told of the intended 终本, the applicant gives a clue: the records are read again at completion.
      registerClue(flow, HOUSE);
    } else {
      assertThat(checklist(review)).contains("：不符合。" + reason(gap));
      assertThat(checklist(review).split("不符合", -1)).as("only this condition is unmet").hasSize(affected(gap).size() + 1);
    }

    // A clue given late is refused by the clues' own listener (clues/TerminationClues), which runs first.
    String refusal = gap == Gap.CLUE_UNVERIFIED ? reason(gap) : affected(gap).stream()
        .map(respondent -> "被执行人 " + respondent + " 不符合“" + condition(gap).title() + "”：" + reason(gap))
        .collect(Collectors.joining("；"));
    assertThatThrownBy(() -> completeAs(FIRST_REVIEWER, review, vars("terminationDecision", "approved",
        "terminationOpinion", "符合终本条件")))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("无法完成「审查终本条件」：" + refusal + "，不能批准终本");
    if (gap == Gap.CLUE_UNVERIFIED) {
      assertThat(TerminationChecklist.refusal(checklists.of(flow.caseNumber, variable -> runtime.getVariable(
          review.getProcessInstanceId(), variable)))).contains(affected(gap).stream()
          .map(respondent -> "被执行人 " + respondent + " 不符合“" + condition(gap).title() + "”：" + reason(gap))
          .collect(Collectors.joining("；")));
    }
    assertThat(flow.at("Task_ReviewTerminationConditions")).as("refused: the task stays open").isNotNull();

    completeAs(FIRST_REVIEWER, review, vars("terminationDecision", "returned", "terminationOpinion", "请补正：" + reason(gap)));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(review.getProcessInstanceId()).singleResult()
        .getEndActivityId()).isEqualTo("EndEvent_TerminationReturned");
    assertThat(flow.at("Task_ChooseNextMeasure")).as("the case goes on with its team").isNotNull();
    assertThat(runtime.getVariable(flow.instance.getId(), "terminationReturnReason")).isEqualTo("请补正：" + reason(gap));
    assertThat(register.ofCase(flow.caseNumber)).isEmpty();
  }

  @Test
  void allConditionsMetApprovedByTheApproverSignedAndClosedAsTermination() {
    CaseFlow flow = proposed(Gap.NONE);
    Task review = flow.at("Task_ReviewTerminationConditions");
    String checklist = checklist(review);
    assertThat(checklist).startsWith("被执行人 " + PERSON + "\n").contains("\n\n被执行人 " + COMPANY + "\n")
        .doesNotContain("不符合")
        .contains("执行通知书 2026-06-02 送达；报告财产令 2026-06-02 送达；被执行人财产报告已在谈话中核查（2026-06-10 谈话笔录）",
            "限制消费令：2026-06-20 至履行完毕止限制高消费", "全国网络查控 2026-06-03；本地网络查控 2026-06-03",
            "申请执行人提供和被执行人报告的财产线索均已核查", "立案日期 2026-06-01，至今已超过三个月",
            "未记录被执行人下落不明或妨害执行的情形",
            "申请执行人意见：2026-08-03 申请执行人表示知悉终本后果，同意终结本次执行程序");
    assertThat(checklist.split("：符合。")).hasSize(2 * TerminationCondition.values().length + 1);

    completeAs(FIRST_REVIEWER, review, vars("terminationDecision", "approved", "terminationOpinion", "符合终本条件，报请审批"));
    Task approval = flow.at("Task_ApproveTermination");
    assertThat(approval.getAssignee()).isEqualTo(APPROVER);
    assertThat(tasks.getIdentityLinksForTask(approval.getId())).extracting(IdentityLink::getGroupId).contains("termination");
    assertThat(tasks.getVariable(approval.getId(), "terminationChecklist")).isEqualTo(checklist);
    assertThat(tasks.getVariable(approval.getId(), "terminationFirstReviewerName")).isEqualTo("解丽宣");

    // Even when the approval is reassigned to her (she is in the termination unit), the first reviewer cannot approve.
    Map<String, Object> approve = vars("terminationApproval", "approved", "terminationApprovalOpinion", "同意终本");
    tasks.setAssignee(approval.getId(), FIRST_REVIEWER);
    assertThatThrownBy(() -> completeAs(FIRST_REVIEWER, approval, approve))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("无法完成「审批终本」：审批人不能与初审人（xielixuan）为同一人，请由终本审批人审批");
    tasks.setAssignee(approval.getId(), APPROVER);
    completeAs(APPROVER, approval, approve);

    flow.complete("Task_SignTerminationRuling", "judges", vars("terminationRulingNumber", flow.caseNumber + "之一",
        "terminationRuledOn", "2026-09-18", "unpaidAmount", "120000.5"));
    assertThat(runtime.getVariables(flow.instance.getId())).containsEntry("terminationDecision", "approved")
        .containsEntry("unpaidAmount", "120000.50").containsEntry("terminationRuledOn", "2026-09-18");
    flow.registerClosure();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(flow.instance.getId())
        .activityId("EndEvent_CaseClosed").count()).isOne();
    assertThat(runtime.getVariable(flow.instance.getId(), "closureKind")).isEqualTo("procedure-terminated");
    assertThat(register.ofCase(flow.caseNumber)).singleElement().satisfies(entry -> {
      assertThat(entry.rulingNumber()).isEqualTo(flow.caseNumber + "之一");
      assertThat(entry.ruledOn()).isEqualTo(LocalDate.of(2026, 9, 18));
      assertThat(entry.unpaidAmount()).isEqualByComparingTo(new BigDecimal("120000.50"));
      assertThat(entry.firstReviewer()).isEqualTo(FIRST_REVIEWER);
      assertThat(entry.approver()).isEqualTo(APPROVER);
      assertThat(entry.checklist()).isEqualTo(checklist);
    });
  }

  @Test
  void recordedObstructionNeedsTheDishonestListAndACoerciveMeasure() {
    CaseFlow flow = proposed(Gap.OBSTRUCTION_UNPUNISHED);
    Task review = flow.at("Task_ReviewTerminationConditions");
    String obstruction = "2026-07-02 被执行人转移财产，拒不报告";
    String listing = "被执行人有妨害执行或违反财产报告制度的行为（" + obstruction + "），符合纳入失信名单的条件，尚未纳入";
    String coercion = "有妨害执行行为（" + obstruction + "），尚未采取罚款、拘留等强制措施或移送追究刑事责任";
    assertThat(checklist(review)).contains(TerminationCondition.RESTRICTION.title() + "：不符合。" + listing,
        TerminationCondition.SEARCH_AND_OBSTRUCTION.title() + "：不符合。" + coercion);
    assertThatThrownBy(() -> completeAs(FIRST_REVIEWER, review, vars("terminationDecision", "approved",
        "terminationOpinion", "符合终本条件")))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("无法完成「审查终本条件」：被执行人 " + COMPANY + " 不符合“" + TerminationCondition.RESTRICTION.title() + "”："
            + listing + "；被执行人 " + COMPANY + " 不符合“" + TerminationCondition.SEARCH_AND_OBSTRUCTION.title() + "”："
            + coercion + "，不能批准终本");
  }

  @Test
  void theApproverReturnsTheCaseToTheHandlerAndTheCaseGoesOn() {
    CaseFlow flow = proposed(Gap.NONE);
    completeAs(FIRST_REVIEWER, flow.at("Task_ReviewTerminationConditions"), vars("terminationDecision", "approved",
        "terminationOpinion", "符合终本条件，报请审批"));
    completeAs(APPROVER, flow.at("Task_ApproveTermination"), vars("terminationApproval", "returned",
        "terminationApprovalOpinion", "申请执行人新提供线索，继续调查"));
    assertThat(runtime.getVariables(flow.instance.getId())).containsEntry("terminationDecision", "returned")
        .containsEntry("terminationReturnReason", "申请执行人新提供线索，继续调查");
    assertThat(flow.at("Task_ChooseNextMeasure")).isNotNull();
    assertThat(register.ofCase(flow.caseNumber)).isEmpty();
  }

  // --- fixtures ------------------------------------------------------------------------------

  /** A case filed 2026-06-01, handled by a team, 终本 proposed; everything the checklist needs is done but the gap. */
  private CaseFlow proposed(Gap gap) {
    ClockUtil.setCurrentTime(at("2026-06-01T09:00"));
    Map<String, Object> filing = CaseFlow.filing("（2026）豫0000执" + SERIAL.incrementAndGet() + "号");
    filing.put("filingDate", "2026-06-01");
    filing.put("propertyClues", "");
    CaseFlow.parties(filing, "respondent", List.of(
        Map.of("name", "李四", "idNumber", "410105198001011239", "address", "某县东街1号"),
        Map.of("name", "某某建材有限公司", "legalRepresentative", "李某", "idNumber", "91350100M000100Y43",
            "address", "某县工业园区8号")));
    CaseFlow flow = CaseFlow.start(filing).passIntake();
    flow.complete("Task_RegisterAndServeDocuments", "documents", vars("registerEntryNumber", "登记-001",
        "executionNoticeServedOn", "2026-06-02", "propertyReportOrderServedOn", "2026-06-02", "clueNoticeSentOn", "2026-06-02",
        "serviceMethod", "direct"));
    flow.complete("Task_StartNetworkInquiry", "network-control", vars("nationalInquiryOn", "2026-06-03",
        "localInquiryOn", "2026-06-03", "inquiryResult", "none"));
    flow.triage(vars()).confirmTrack(vars("caseTrack", "ordinary")).allocate().nameHandler("Task_NameTeamHandler");
    team = (String) runtime.getVariable(flow.instance.getId(), "handlingTeam");

    interview(flow, "applicant", 0);
    interview(flow, "respondent", 1);
    if (gap != Gap.REPORT_NOT_CHECKED) {
      interview(flow, "respondent", 2);
    }
    restrict(flow, 1);
    if (gap != Gap.RESTRICTION) {
      restrict(flow, 2);
    }
    if (gap == Gap.OBSTRUCTION_UNPUNISHED) {
      measure(flow, 2, "obstruction", "2026-07-02", "被执行人转移财产，拒不报告");
    }
    if (gap == Gap.MISSING_NOT_SEARCHED) {
      measure(flow, 2, "respondent-missing", "2026-07-01", "被执行人离开住所，下落不明");
    }
    if (gap != Gap.APPLICANT_NOT_HEARD) {
      measure(flow, 1, "applicant-heard", "2026-08-03", "申请执行人表示知悉终本后果，同意终结本次执行程序");
    }
    ClockUtil.setCurrentTime(at(gap == Gap.TOO_EARLY ? "2026-08-20T09:00" : "2026-09-15T09:00"));
    flow.complete("Task_ChooseNextMeasure", team, vars("nextMeasure", "propose-closure", "closureKind", "procedure-terminated",
        "closureReason", "经穷尽财产调查措施未发现可供执行的财产"));
    return flow;
  }

  private static TerminationCondition condition(Gap gap) {
    return switch (gap) {
      case REPORT_NOT_CHECKED -> TerminationCondition.NOTICE_AND_REPORT;
      case RESTRICTION -> TerminationCondition.RESTRICTION;
      case CLUE_UNVERIFIED -> TerminationCondition.INVESTIGATION;
      case TOO_EARLY -> TerminationCondition.THREE_MONTHS;
      case MISSING_NOT_SEARCHED -> TerminationCondition.SEARCH_AND_OBSTRUCTION;
      case APPLICANT_NOT_HEARD -> TerminationCondition.APPLICANT_HEARD;
      case NONE, OBSTRUCTION_UNPUNISHED -> throw new IllegalArgumentException("not one condition");
    };
  }

  private static String reason(Gap gap) {
    return switch (gap) {
      case REPORT_NOT_CHECKED -> "尚无被执行人谈话笔录，报告的财产情况未核查（第二条第二项）";
      case RESTRICTION -> "尚未发出限制消费令";
      case CLUE_UNVERIFIED -> "尚有 1 条财产线索未核查：「" + HOUSE + "」（申请执行人提供），终结本次执行程序前须逐条核查并登记核查结果";
      case TOO_EARLY -> "立案日期 2026-06-01，须在 2026-09-01 之后方满三个月";
      case MISSING_NOT_SEARCHED -> "被执行人下落不明（2026-07-01 被执行人离开住所，下落不明），尚无查找记录";
      case APPLICANT_NOT_HEARD -> "尚未告知申请执行人案件执行情况、财产调查措施及终本的法律后果并记录其意见";
      case NONE, OBSTRUCTION_UNPUNISHED -> throw new IllegalArgumentException("not one condition");
    };
  }

  /** Whom the gap leaves short: the company alone, or both respondents for what concerns the case. */
  private static List<String> affected(Gap gap) {
    return switch (gap) {
      case TOO_EARLY, APPLICANT_NOT_HEARD, CLUE_UNVERIFIED -> List.of(PERSON, COMPANY);
      default -> List.of(COMPANY);
    };
  }

  /** An interview (of the n-th respondent, or the applicant for 0), on 2026-06-09 and 10. */
  private void interview(CaseFlow flow, String party, int respondent) {
    flow.complete("Task_ChooseNextMeasure", team, vars("nextMeasure", "interview"));
    Map<String, Object> form = vars("interviewParty", party, "measureDate", respondent == 0 ? "2026-06-09" : "2026-06-10",
        "measureSummary", "谈话笔录");
    if (respondent > 0) {
      form.put("respondentPartyId", flow.respondent(respondent));
    }
    flow.complete("Task_RecordInterview", team, form);
  }

  /** The president signs a consumption restriction order against the n-th respondent. */
  private void restrict(CaseFlow flow, int respondent) {
    flow.complete("Task_ChooseNextMeasure", team, vars("nextMeasure", "punishment"));
    flow.complete("Task_ProposePunishment", team, vars("respondentPartyId", flow.respondent(respondent),
        "punishmentKind", "consumption-restriction", "punishmentGrounds", "未按执行通知履行义务"));
    flow.complete("Task_SignConsumptionRestriction", "court-presidents", vars("punishmentDecision", "signed",
        "rulingNumber", "限-" + respondent, "measureDate", "2026-06-20", "measureSummary", "至履行完毕止限制高消费"));
  }

  /** A measure of form team-measure concerning the n-th respondent, chosen at the hub (the hub's default path). */
  private void measure(CaseFlow flow, int respondent, String measure, String on, String summary) {
    flow.complete("Task_ChooseNextMeasure", team, vars("nextMeasure", measure));
    flow.complete("Task_RecordTeamMeasure", team, vars("respondentPartyId", flow.respondent(respondent), "measureDate", on,
        "measureSummary", summary));
  }

  /** 登记财产线索 (process clue-verification's start form), by the case's handler for the applicant. */
  private void registerClue(CaseFlow flow, String description) {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("clue-verification")
        .latestVersion().singleResult().getId();
    identity.setAuthenticatedUserId(CaseFlow.handlerOf(team));
    try {
      forms.submitStartForm(definition, Map.of("caseNumber", flow.caseNumber, "clueSource", "applicant",
          "clueDescription", description));
    } finally {
      identity.clearAuthentication();
    }
  }

  private String checklist(Task task) {
    return (String) tasks.getVariable(task.getId(), "terminationChecklist");
  }

  private void completeAs(String user, Task task, Map<String, Object> variables) {
    identity.setAuthenticatedUserId(user);
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static Date at(String dateTime) {
    return Date.from(LocalDateTime.parse(dateTime).atZone(COURT).toInstant());
  }
}
