package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseFlow.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.court.enforcement.clues.Clue;
import cn.court.enforcement.clues.ClueRegistry;
import cn.court.enforcement.escalation.TimeLimitsSpringTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every property clue is an item the handler verifies within 5 days (《最高人民法院关于人民法院办理执行
 * 案件若干期限的规定》第六条): the applicant's clues at filing, the respondent's report in an interview, a
 * clue the handling team registers later (process clue-verification, beside the case). 终本 is refused,
 * at the proposal and at the termination review, while a clue is unverified; another closure ends them.
 */
@TimeLimitsSpringTest
class PropertyCluesTest {

  private static final ZoneId COURT = ZoneId.of("Asia/Shanghai");
  private static final String CAR = "被执行人名下小型轿车一辆";
  private static final String ACCOUNT = "被执行人在某县农商银行开有账户";
  private static final String HOUSE = "某县城关镇人民路住宅一套";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired ClueRegistry clues;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void reset() {
    identity.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void threeCluesTwoVerifiedTheClosureByTerminationNamesTheThird() {
    ClockUtil.setCurrentTime(at("2026-03-02T09:00"));
    // Two clues in the filing form, one a line repeated; blank lines are no clue.
    CaseFlow flow = file("（2026）豫0000执9501号", "2026-03-02", CAR + "\n\n" + ACCOUNT + "\n  " + CAR + "  ");

    // Before any team has the case, network control verifies, within 5 days (Sat 7 Mar: Mon 9 Mar).
    assertThat(clueTasks(flow)).hasSize(2).allSatisfy(task -> {
      assertThat(groups(task)).containsExactly("network-control");
      assertThat(task.getAssignee()).isNull();
      assertThat(task.getDueDate()).isEqualTo(at("2026-03-09T23:59:59"));
      assertThat(CaseFlow.limitsOf(task)).containsExactly("property-clue-verification");
    });
    assertThat(tasks.getVariable(clueTask(flow, CAR).getId(), "clueOrigin")).isEqualTo("申请执行人立案时提供");

    // The team's handler takes over the open verifications when named.
    String team = toTeamHub(flow);
    String handler = CaseFlow.handlerOf(team);
    assertThat(clueTasks(flow)).hasSize(2).allSatisfy(task -> {
      assertThat(groups(task)).containsExactly(team);
      assertThat(task.getAssignee()).isEqualTo(handler);
    });

    // The respondent reports property in an interview: the third clue, the handler's.
    interview(flow, team, "applicant", vars());
    interview(flow, team, "respondent", vars("reportedProperty", HOUSE));
    assertThat(runtime.getVariable(flow.instance.getId(), "reportedProperty")).as("emptied for the next interview").isNull();
    Task house = clueTask(flow, HOUSE);
    assertThat(groups(house)).containsExactly(team);
    assertThat(house.getAssignee()).isEqualTo(handler);
    assertThat(tasks.getVariable(house.getId(), "clueOrigin")).isEqualTo("被执行人谈话时报告");

    verify(clueTask(flow, CAR), "found", "车辆已查封");
    verify(clueTask(flow, ACCOUNT), "not-found", "经查询该账户余额为零");
    assertThat(clues.ofCase(flow.caseNumber)).extracting(Clue::description, Clue::source, Clue::channel, Clue::result)
        .containsExactly(
            tuple(CAR, "applicant", "filing", "found"),
            tuple(ACCOUNT, "applicant", "filing", "not-found"),
            tuple(HOUSE, "respondent-report", "interview", null));
    assertThat(clues.ofCase(flow.caseNumber).get(0)).satisfies(car -> {
      assertThat(car.notes()).isEqualTo("车辆已查封");
      assertThat(car.verifiedOn()).isEqualTo(LocalDate.now());
      assertThat(car.verifiedBy()).isEqualTo(handler);
    });

    assertThatThrownBy(() -> proposeClosure(flow, team, "procedure-terminated"))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("不能结案：尚有 1 条财产线索未核查：「" + HOUSE + "」（被执行人谈话时报告），"
            + "终结本次执行程序前须逐条核查并登记核查结果");
    assertThat(flow.at("Task_ChooseNextMeasure")).isNotNull();

    verify(house, "unverifiable", "该房屋登记在案外人名下，无法核实");
    proposeClosure(flow, team, "procedure-terminated");
    assertThat(flow.at("Task_ReviewTerminationConditions")).isNotNull();
  }

  @Test
  void aClueGivenDuringTheTerminationReviewIsOnItsChecklistAndStopsTheApproval() {
    CaseFlow flow = file(CaseFlow.newCaseNumber(), CaseFlow.today(), CAR + "\n" + ACCOUNT);
    String team = toTeamHub(flow);
    String handler = CaseFlow.handlerOf(team);
    verify(clueTask(flow, CAR), "not-found", "车辆已被他案首封并处置");
    verify(clueTask(flow, ACCOUNT), "not-found", "账户余额为零");
    interview(flow, team, "applicant", vars());
    interview(flow, team, "respondent", vars());
    proposeClosure(flow, team, "procedure-terminated");
    Task review = flow.at("Task_ReviewTerminationConditions");
    assertThat(tasks.getVariable(review.getId(), "unverifiedClues")).isEqualTo("无");

    // Told of the intended 终本, the applicant gives a third clue; the handler registers it.
    register(handler, flow.caseNumber, "applicant", HOUSE);
    Task house = clueTask(flow, HOUSE);
    assertThat(groups(house)).containsExactly(team);
    assertThat(house.getAssignee()).isEqualTo(handler);
    assertThat(tasks.getVariable(review.getId(), "unverifiedClues"))
        .isEqualTo("1. " + HOUSE + "（申请执行人提供，" + LocalDate.now() + " 登记）");

    Map<String, Object> approve = vars("terminationDecision", "approved", "terminationOpinion", "符合终本条件");
    assertThatThrownBy(() -> flow.complete("Task_ReviewTerminationConditions", "termination", approve))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("无法完成「审查终本条件」：尚有 1 条财产线索未核查：「" + HOUSE + "」（申请执行人提供），"
            + "终结本次执行程序前须逐条核查并登记核查结果，不能批准终本");

    verify(house, "not-found", "该房屋已于 2025 年过户给案外人");
    assertThat(tasks.getVariable(review.getId(), "unverifiedClues")).isEqualTo("无");
    // No longer for the clues: the rest of the checklist is termination/TerminationReviewProcessTest's.
    assertThatThrownBy(() -> flow.complete("Task_ReviewTerminationConditions", "termination", approve))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageNotContaining("财产线索");
  }

  @Test
  void onlyTheCasesTeamRegistersAClueWhileTheCaseIsInHandling() {
    CaseFlow early = file(CaseFlow.newCaseNumber(), CaseFlow.today(), "");
    assertThat(clueTasks(early)).isEmpty();
    assertThatThrownBy(() -> register("zhouyuan", early.caseNumber, "applicant", HOUSE))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("案件 " + early.caseNumber + " 尚未确定承办团队，只有承办团队可以登记财产线索。");
    String unknown = CaseFlow.newCaseNumber();
    assertThatThrownBy(() -> register("zhouyuan", unknown, "applicant", HOUSE))
        .isInstanceOf(InvalidCaseDataException.class).hasMessage("案件 " + unknown + " 不在办理中，不能登记财产线索。");

    CaseFlow quick = file(CaseFlow.newCaseNumber(), CaseFlow.today(), "").toQuickTeam();
    assertThatThrownBy(() -> register("zhouyuan", quick.caseNumber, "respondent-report", HOUSE))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("只有案件 " + quick.caseNumber + " 的承办团队（快执团队）可以登记财产线索。");
    assertThat(List.of(early.caseNumber, unknown, quick.caseNumber)).allSatisfy(number -> assertThat(runtime
        .createProcessInstanceQuery().processDefinitionKey("clue-verification").processInstanceBusinessKey(number).count())
        .isZero());

    // A member of the quick team (not its handler) registers the respondent's written report.
    register("dingyi", quick.caseNumber, "respondent-report", HOUSE);
    Task house = clueTask(quick, HOUSE);
    assertThat(groups(house)).containsExactly("quick-team");
    assertThat(house.getAssignee()).isEqualTo(CaseFlow.handlerOf("quick-team"));
    assertThat(tasks.getVariable(house.getId(), "clueOrigin")).isEqualTo("被执行人报告");
    assertThat(clues.ofCase(quick.caseNumber)).singleElement().satisfies(clue -> {
      assertThat(clue.channel()).isEqualTo("registered");
      assertThat(clue.processInstanceId()).isEqualTo(house.getProcessInstanceId());
    });
  }

  @Test
  void aCorrectionOfTheFilingAddsItsNewLinesAsClues() {
    CaseFlow flow = file(CaseFlow.newCaseNumber(), CaseFlow.today(), CAR);
    flow.complete("Task_VerifyFilingData", "intake", vars("filingCheck", "needs-correction", "filingErrors", "线索不全"));
    Map<String, Object> corrected = CaseFlow.filing(flow.caseNumber);
    corrected.put("propertyClues", CAR + "\n" + ACCOUNT);
    flow.complete("Task_CorrectFilingData", "filing", corrected);
    assertThat(clues.ofCase(flow.caseNumber)).extracting(Clue::description).containsExactly(CAR, ACCOUNT);
    assertThat(clueTasks(flow)).hasSize(2);
  }

  @Test
  void aCaseClosedOtherwiseEndsItsOpenVerificationsAsUnverified() {
    CaseFlow flow = file(CaseFlow.newCaseNumber(), CaseFlow.today(), ACCOUNT).toQuickTeam();
    Task account = clueTask(flow, ACCOUNT);
    assertThat(groups(account)).containsExactly("quick-team");

    flow.complete("Task_HandleQuickCase", "quick-team", vars("quickOutcome", "close", "closureKind", "fully-performed"));
    flow.registerClosure();

    assertThat(clueTasks(flow)).isEmpty();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(account.getProcessInstanceId()).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_ClosedUnverified");
    assertThat(clues.ofCase(flow.caseNumber)).singleElement().extracting(Clue::result).isEqualTo("case-closed");
  }

  // --- fixtures ------------------------------------------------------------------------------

  private static CaseFlow file(String caseNumber, String filingDate, String propertyClues) {
    Map<String, Object> filing = CaseFlow.filing(caseNumber);
    filing.put("filingDate", filingDate);
    filing.put("propertyClues", propertyClues);
    return CaseFlow.start(filing);
  }

  /** Ordinary track, random allocation, the team's handler named; returns the team. */
  private String toTeamHub(CaseFlow flow) {
    flow.toTriageConfirmation(false).confirmTrack(vars("caseTrack", "ordinary")).allocate().nameHandler("Task_NameTeamHandler");
    return (String) runtime.getVariable(flow.instance.getId(), "handlingTeam");
  }

  private void interview(CaseFlow flow, String team, String party, Map<String, Object> extra) {
    flow.complete("Task_ChooseNextMeasure", team, vars("nextMeasure", "interview"));
    Map<String, Object> form = vars("interviewParty", party, "measureDate", CaseFlow.today(), "measureSummary", "谈话笔录");
    if (CaseFiling.RESPONDENT.equals(party)) {
      form.put("respondentPartyId", flow.respondent(1));
    }
    form.putAll(extra);
    flow.complete("Task_RecordInterview", team, form);
  }

  private static void proposeClosure(CaseFlow flow, String team, String kind) {
    flow.complete("Task_ChooseNextMeasure", team, vars("nextMeasure", "propose-closure", "closureKind", kind,
        "closureReason", "经穷尽财产调查措施未发现可供执行的财产"));
  }

  /** 登记财产线索 in Tasklist: the start form, submitted as {@code user}. */
  private void register(String user, String caseNumber, String source, String description) {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("clue-verification")
        .latestVersion().singleResult().getId();
    identity.setAuthenticatedUserId(user);
    try {
      forms.submitStartForm(definition, Map.of("caseNumber", caseNumber, "clueSource", source, "clueDescription", description));
    } finally {
      identity.clearAuthentication();
    }
  }

  /** 核查财产线索, completed by its assignee. */
  private void verify(Task task, String result, String notes) {
    identity.setAuthenticatedUserId(task.getAssignee());
    try {
      tasks.complete(task.getId(), vars("clueResult", result, "verifiedOn", CaseFlow.today(), "clueNotes", notes));
    } finally {
      identity.clearAuthentication();
    }
  }

  private List<Task> clueTasks(CaseFlow flow) {
    return tasks.createTaskQuery().processDefinitionKey("clue-verification").processInstanceBusinessKey(flow.caseNumber)
        .orderByTaskCreateTime().asc().list();
  }

  private Task clueTask(CaseFlow flow, String description) {
    return tasks.createTaskQuery().processDefinitionKey("clue-verification").processInstanceBusinessKey(flow.caseNumber)
        .processVariableValueEquals("clueDescription", description).singleResult();
  }

  private List<String> groups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private static Date at(String dateTime) {
    return Date.from(LocalDateTime.parse(dateTime).atZone(COURT).toInstant());
  }
}
