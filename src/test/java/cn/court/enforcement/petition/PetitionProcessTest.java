package cn.court.enforcement.petition;

import static cn.court.enforcement.casefile.CaseFlow.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.casefile.CaseFlow;
import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.escalation.TimeLimitsSpringTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Petitions (执行信访) through the real process: registered by the petitions unit and checked
 * against the case registry, answered by the assistant (贺琦) within the limit of its kind — 30 days
 * for a petition (法〔2021〕227号 第五条), three months for a procuratorate's recommendation and 15
 * days for its written inquiry (法发〔2016〕30号) — and closed off (核销) by the handler (李文莹), who
 * may return it; the one who answered may never close it off.
 */
@TimeLimitsSpringTest
class PetitionProcessTest {

  private static final ZoneId COURT = ZoneId.of("Asia/Shanghai");
  private static final AtomicInteger SERIAL = new AtomicInteger(8800);
  private static final String ASSISTANT = "heqi";
  private static final String HANDLER = "liwenying";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired PetitionRegistry petitions;
  @Autowired CaseRegistry cases;
  @Autowired JdbcTemplate jdbc;

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
  void aVisitIsAnsweredWithinThirtyDaysAndClosedOffByTheHandler() {
    ClockUtil.setCurrentTime(at("2026-03-02T09:30"));
    ProcessInstance petition = register(visit("2026-03-02"));

    assertThat(petition.getBusinessKey()).as("no case named: no business key").isNull();
    assertThat(runtime.getVariable(petition.getId(), "caseNumber")).isNull();
    Task answer = task(petition, "Task_AnswerPetition");
    assertThat(answer.getAssignee()).isEqualTo(ASSISTANT);
    assertThat(tasks.getIdentityLinksForTask(answer.getId())).extracting(IdentityLink::getGroupId).contains("petitions");
    assertThat(answer.getDueDate()).as("30 days from receipt (法〔2021〕227号 第五条)").isEqualTo(endOf("2026-04-01"));
    assertThat((String) runtime.getVariable(petition.getId(), "petitionSummary"))
        .contains("类型：来访", "信访人：张三（13803710000）", "收到日期：2026-03-02", "涉及案件：未涉及本院执行案件");
    assertThat(runtime.getVariable(petition.getId(), "replyTo")).isEqualTo("张三");

    ClockUtil.setCurrentTime(at("2026-03-10T15:00"));
    completeAs(ASSISTANT, answer, answer("2026-03-10"));
    Task closeOff = task(petition, "Task_CloseOffPetition");
    assertThat(closeOff.getAssignee()).isEqualTo(HANDLER);
    assertThat(closeOff.getDueDate()).as("2 working days").isEqualTo(endOf("2026-03-12"));
    assertThat(runtime.getVariable(petition.getId(), "petitionRepliedByName")).isEqualTo("贺琦");

    ClockUtil.setCurrentTime(at("2026-03-11T10:00"));
    completeAs(HANDLER, closeOff, vars("closeOffDecision", "closed-off", "closeOffOpinion", "答复充分，予以核销"));

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(petition.getId()).singleResult()
        .getEndActivityId()).isEqualTo("EndEvent_PetitionClosedOff");
    Petition row = petitions.ofInstance(petition.getId());
    assertThat(row.kindLabel()).isEqualTo("来访");
    assertThat(row.registeredBy()).isEqualTo(HANDLER);
    assertThat(row.reply()).isEqualTo("已当面说明执行进展：房产已查封，正在评估");
    assertThat(row.replyMethod()).isEqualTo("in-person");
    assertThat(row.repliedOn()).isEqualTo(LocalDate.of(2026, 3, 10));
    assertThat(row.repliedBy()).isEqualTo(ASSISTANT);
    assertThat(row.closedOffBy()).isEqualTo(HANDLER);
    assertThat(row.closedOffAt()).isEqualTo(LocalDateTime.of(2026, 3, 11, 10, 0));
    assertThat(row.caseNumber()).isNull();
  }

  @Test
  void aProcuratorateRecommendationGetsItsOwnReplyWithinThreeMonthsAndTheHandlerReturnsItOnce() {
    ClockUtil.setCurrentTime(at("2026-03-02T09:30"));
    ProcessInstance petition = register(procuratorate("recommendation"));
    Task reply = task(petition, "Task_ReplyToRecommendation");
    assertThat(reply.getAssignee()).isEqualTo(ASSISTANT);
    assertThat(reply.getDueDate()).as("three months (法发〔2016〕30号 第十三条)").isEqualTo(endOf("2026-06-02"));
    assertThat(runtime.getVariable(petition.getId(), "replyTo")).isEqualTo("某县人民检察院");

    Map<String, Object> recommendationReply = vars("petitionFindings", "被执行人名下车辆尚未查封",
        "petitionReply", "检察建议不予采纳：该车辆已由案外人取得所有权，附执行异议裁定", "repliedOn", "2026-03-20");
    assertThatThrownBy(() -> completeAs(ASSISTANT, reply, recommendationReply))
        .as("whether the recommendation is adopted is required").isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("是否采纳检察建议");
    recommendationReply.put("recommendationOutcome", "not-adopted");
    ClockUtil.setCurrentTime(at("2026-03-20T16:00"));
    completeAs(ASSISTANT, reply, recommendationReply);

    completeAs(HANDLER, task(petition, "Task_CloseOffPetition"),
        vars("closeOffDecision", "returned", "closeOffOpinion", "请附执行异议裁定书的文号"));
    Task again = task(petition, "Task_ReplyToRecommendation");
    assertThat(again.getDueDate()).as("still three months from receipt").isEqualTo(endOf("2026-06-02"));
    assertThat(runtime.getVariable(petition.getId(), "petitionReturnReason")).isEqualTo("请附执行异议裁定书的文号");
    recommendationReply.put("petitionReply", "检察建议不予采纳：该车辆已由案外人取得所有权（（2026）豫0000执异3号裁定）");
    completeAs(ASSISTANT, again, recommendationReply);
    completeAs(HANDLER, task(petition, "Task_CloseOffPetition"), vars("closeOffDecision", "closed-off",
        "closeOffOpinion", "回复意见函已送达某县人民检察院"));

    Petition row = petitions.ofInstance(petition.getId());
    assertThat(row.kind()).isEqualTo("procuratorate");
    assertThat(row.procuratorateDocument()).isEqualTo("recommendation");
    assertThat(row.recommendationOutcome()).isEqualTo("not-adopted");
    assertThat(row.replyMethod()).as("a reply letter (回复意见函)").isEqualTo("written");
    assertThat(row.reply()).contains("执异3号");
    assertThat(row.returnedTimes()).isOne();
    assertThat(row.closedOff()).isTrue();
  }

  @Test
  void aProcuratoratesWrittenInquiryIsAnsweredWithinFifteenDays() {
    ClockUtil.setCurrentTime(at("2026-03-02T09:30"));
    ProcessInstance petition = register(procuratorate("inquiry"));

    Task explain = task(petition, "Task_ExplainToProcuratorate");
    assertThat(explain.getDueDate()).as("15 days: 17 March").isEqualTo(endOf("2026-03-17"));
    completeAs(ASSISTANT, explain, vars("petitionFindings", "已冻结被执行人银行存款 3.2 万元",
        "petitionReply", "案件已采取冻结措施，正在处置车辆", "repliedOn", "2026-03-05"));
    assertThat(task(petition, "Task_CloseOffPetition")).isNotNull();
    assertThat(petitions.ofInstance(petition.getId()).recommendationOutcome()).isNull();
  }

  @Test
  void aMatterHandedDownByAHigherCourtIsDueByTheDateItGivesAndAnsweredToThatCourt() {
    ClockUtil.setCurrentTime(at("2026-03-02T09:30"));
    Map<String, Object> handedDown = visit("2026-03-02");
    handedDown.putAll(vars("petitionKind", "higher-court", "handedDownBy", "某市中级人民法院",
        "handedDownReference", "某中法执督〔2026〕5号", "deadlineGiven", "2026-03-20"));
    ProcessInstance petition = register(handedDown);

    assertThat(task(petition, "Task_AnswerPetition").getDueDate()).as("the court's date comes first")
        .isEqualTo(endOf("2026-03-20"));
    assertThat(runtime.getVariable(petition.getId(), "replyTo")).isEqualTo("某市中级人民法院");

    Map<String, Object> late = visit("2026-03-02");
    late.putAll(vars("petitionKind", "other-body", "handedDownBy", "某县信访局", "deadlineGiven", "2026-03-01"));
    assertThatThrownBy(() -> register(late)).isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("无法登记信访事项：要求办结日期不能早于收到日期");
  }

  @Test
  void aPetitionAboutAnExistingCaseIsLinkedToItAndItsHandlerIsTold() {
    String caseNumber = "（%d）豫0000执%d号".formatted(LocalDate.now().getYear(), SERIAL.incrementAndGet());
    CaseFlow.start(CaseFlow.filing(caseNumber));
    cases.assignHandler(caseNumber, "ordinary-team-1", "zhouyuan", "团队负责人指定", "zhouyuan");
    Map<String, Object> about = visit(LocalDate.now().toString());
    about.put("petitionCaseNumber", caseNumber);

    ProcessInstance petition = register(about);

    assertThat(petition.getBusinessKey()).isEqualTo(caseNumber);
    assertThat(runtime.getVariable(petition.getId(), "caseNumber")).isEqualTo(caseNumber);
    assertThat((String) runtime.getVariable(petition.getId(), "petitionSummary"))
        .contains("涉及案件：" + caseNumber + "（承办：普执一团队 周源）");
    assertThat(petitions.ofCase(caseNumber)).singleElement().satisfies(row -> {
      assertThat(row.processInstanceId()).isEqualTo(petition.getId());
      assertThat(row.closedOff()).isFalse();
    });
    assertThat(jdbc.queryForList("SELECT title FROM court_notification WHERE recipient = ? AND kind = 'PETITION' "
        + "AND case_number = ?", String.class, "zhouyuan", caseNumber))
        .containsExactly("信访事项涉及您承办的案件 " + caseNumber);

    String unknown = "（2026）豫0000执99999号";
    Map<String, Object> wrong = visit(LocalDate.now().toString());
    wrong.put("petitionCaseNumber", unknown);
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("petition").count();
    assertThatThrownBy(() -> register(wrong)).isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("无法登记信访事项：案号 " + unknown + " 不是本院登记的执行案件，请核对；信访不涉及本院执行案件的，不填案号。");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("petition").count()).isEqualTo(before);
    assertThat(petitions.ofCase(unknown)).isEmpty();
  }

  @Test
  void whoAnsweredMayNotCloseThePetitionOff() {
    ClockUtil.setCurrentTime(at("2026-03-02T09:30"));
    ProcessInstance petition = register(visit("2026-03-02"));
    completeAs(ASSISTANT, task(petition, "Task_AnswerPetition"), answer("2026-03-02"));
    Task closeOff = task(petition, "Task_CloseOffPetition");
    Map<String, Object> closedOff = vars("closeOffDecision", "closed-off", "closeOffOpinion", "予以核销");

    // Even when the close-off is handed to her (she is in the petitions unit), the assistant cannot close off her own reply.
    tasks.setAssignee(closeOff.getId(), ASSISTANT);
    assertThatThrownBy(() -> completeAs(ASSISTANT, closeOff, closedOff))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("无法完成「核销信访事项」：答复由您（贺琦）办理，核销须由另一人办理，请交信访承办人核销");
    assertThat(task(petition, "Task_CloseOffPetition")).as("refused: the task stays open").isNotNull();
    assertThat(petitions.ofInstance(petition.getId()).closedOff()).isFalse();

    tasks.setAssignee(closeOff.getId(), HANDLER);
    completeAs(HANDLER, closeOff, closedOff);
    assertThat(petitions.ofInstance(petition.getId()).closedOffBy()).isEqualTo(HANDLER);
  }

  // --- fixtures ------------------------------------------------------------------------------

  private ProcessInstance register(Map<String, Object> registration) {
    identity.setAuthentication(HANDLER, List.of("petitions"));
    try {
      return runtime.createProcessInstanceByKey("petition").setVariables(registration).execute();
    } finally {
      identity.clearAuthentication();
    }
  }

  private void completeAs(String user, Task task, Map<String, Object> variables) {
    identity.setAuthentication(user, List.of("petitions"));
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  private Task task(ProcessInstance petition, String activityId) {
    return tasks.createTaskQuery().processInstanceId(petition.getId()).taskDefinitionKey(activityId).singleResult();
  }

  private static Map<String, Object> visit(String receivedOn) {
    return new HashMap<>(vars("petitionKind", "visit", "petitioner", "张三", "petitionerContact", "13803710000",
        "petitionMatter", "反映案件执行进展缓慢，要求尽快处置被执行人名下房产", "receivedOn", receivedOn));
  }

  private static Map<String, Object> procuratorate(String document) {
    return new HashMap<>(vars("petitionKind", "procuratorate", "petitioner", "某县人民检察院", "handedDownBy", "某县人民检察院",
        "handedDownReference", "某检民执监〔2026〕12号", "procuratorateDocument", document,
        "petitionMatter", "建议对被执行人名下车辆及时采取查封措施", "receivedOn", "2026-03-02"));
  }

  private static Map<String, Object> answer(String repliedOn) {
    return vars("petitionFindings", "调阅案卷：被执行人名下房产已查封，评估机构已选定",
        "petitionReply", "已当面说明执行进展：房产已查封，正在评估", "replyMethod", "in-person", "repliedOn", repliedOn);
  }

  private static Date at(String dateTime) {
    return Date.from(LocalDateTime.parse(dateTime).atZone(COURT).toInstant());
  }

  private static Date endOf(String day) {
    return Date.from(LocalDate.parse(day).atTime(23, 59, 59).atZone(COURT).toInstant());
  }
}
