package cn.court.enforcement.termination;

import cn.court.enforcement.casefile.CaseFiling;
import cn.court.enforcement.casefile.CaseFiling.Party;
import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.CaseRegistry.PropertyItem;
import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.PartyVariables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives terminated cases through their follow-up and resumption as the demo organisation's staff
 * would: a case filed with two applicants and two respondents and one property item, closed as 终本
 * by the case's own service task (Task_StartTerminationFollowUp, contract-14), then the six-monthly
 * queries (王艳姣, network-control), the letters (程鑫锋, documents) and the review (杨国平).
 */
final class ResumptionFlow {

  static final String TEAM = "ordinary-team-2";
  static final String HANDLER = "chenlei";
  static final String UNPAID = "86500.35";
  static final String REVIEWER = "yangguoping";
  static final String ZHANG_SAN = "410105198001011239";
  static final String TRADING_COMPANY = "91410100MA9XYB1236";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ManagementService management;
  private final CaseRegistry cases;

  ResumptionFlow(RuntimeService runtime, TaskService tasks, IdentityService identity, ManagementService management,
      CaseRegistry cases) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.management = management;
    this.cases = cases;
  }

  static Date at(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
  }

  /**
   * Files {@code caseNumber} on {@code filedOn} and closes it as 终本 by a ruling of {@code ruledOn}:
   * the case passes its closure's 终本 branch. Returns the case's instance.
   */
  ProcessInstance terminatedCase(String caseNumber, LocalDate filedOn, LocalDate ruledOn) {
    ClockUtil.setCurrentTime(at(filedOn.atTime(10, 0)));
    cases.register(new CaseFiling(caseNumber, filedOn, "money-payment", false, new BigDecimal("120000.00"),
        List.of(new Party(CaseFiling.APPLICANT, Party.ORGANISATION, "河南某建材有限公司", "credit-code",
                "91410105MA45ABCD1A", "13800138000", "郑州市金水区花园路1号", "王建国"),
            new Party(CaseFiling.APPLICANT, Party.PERSON, "李四", "resident-id", "41010219750315202X",
                "13700137000", "郑州市中原区建设路8号", null)),
        List.of(new Party(CaseFiling.RESPONDENT, Party.PERSON, "张三", "resident-id", ZHANG_SAN, "13900139000",
                "郑州市二七区大学路2号", null),
            new Party(CaseFiling.RESPONDENT, Party.ORGANISATION, "郑州某贸易有限公司", "credit-code", TRADING_COMPANY,
                null, "郑州市管城区商城路6号", "赵六")),
        "（" + (filedOn.getYear() - 1) + "）豫0105民初1234号", "郑州市金水区人民法院", "judgment", null),
        "registered-by-test");
    long trading = cases.respondents(caseNumber).get(1).id();
    cases.addPropertyItem(caseNumber, new PropertyItem(null, trading, "vehicle", "郑州市公安局交通管理支队",
        new BigDecimal("30000.00"), true, false, "豫A·12345 已查封，无法处置", null));
    ClockUtil.setCurrentTime(at(ruledOn.atTime(15, 0)));
    Map<String, Object> closed = new HashMap<>();
    closed.put(CaseVariables.CASE_NUMBER, caseNumber);
    closed.put(CaseVariables.CLOSURE_KIND, "procedure-terminated");
    closed.put(CaseVariables.HANDLING_TEAM, TEAM);
    closed.put("caseHandler", HANDLER);
    closed.put(ResumptionVariables.UNPAID_AMOUNT, UNPAID);
    closed.put(ResumptionVariables.TERMINATION_RULED_ON, ruledOn.toString());
    closed.put(CaseVariables.CLOSED_DATE, ruledOn.toString());
    closed.putAll(PartyVariables.of(cases.parties(caseNumber)));
    return runtime.createProcessInstanceByKey(CaseVariables.PROCESS_KEY).businessKey(caseNumber)
        .startBeforeActivity("Gateway_ClosedAsTerminated").setVariables(closed).execute();
  }

  ProcessInstance followUp(String caseNumber) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ResumptionVariables.FOLLOW_UP_PROCESS)
        .processInstanceBusinessKey(caseNumber).singleResult();
  }

  /** The timer of the follow-up: its due date. */
  Job timer(String followUp) {
    return management.createJobQuery().processInstanceId(followUp).timers().singleResult();
  }

  /** Moves the engine clock to the due query and fires its timer. */
  void sixMonthsPass(String followUp) {
    Job timer = timer(followUp);
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 3_600_000L));
    management.executeJob(timer.getId());
  }

  /** 王艳姣 records a query that found nothing, 程鑫锋 tells the applicant. */
  void nothingFound(String followUp) {
    complete(followUp, "Task_QueryRespondentProperty", "wangyanjiao", List.of("network-control"),
        Map.of("propertyFound", false));
    inform(followUp, "Task_InformApplicantOfQuery");
  }

  void propertyFound(String followUp) {
    complete(followUp, "Task_QueryRespondentProperty", "wangyanjiao", List.of("network-control"),
        Map.of("propertyFound", true, "propertyKind", "deposit", "propertyValue", "52300.10",
            "propertyDescription", "张三在中国银行郑州分行账户（尾号 0421）有存款"));
    inform(followUp, "Task_InformApplicantOfQuery");
  }

  void inform(String instance, String taskKey) {
    complete(instance, taskKey, "chengxinfeng", List.of("documents"), Map.of("informedBy", "letter"));
  }

  /** The applicant's application, recorded in Tasklist by the termination unit (start form). */
  String apply(String caseNumber) {
    identity.setAuthentication("xielixuan", List.of("termination"));
    try {
      return runtime.startProcessInstanceByKey(ResumptionVariables.RESUMPTION_PROCESS, Map.of(
          CaseVariables.CASE_NUMBER, caseNumber,
          ResumptionVariables.REASON, "申请执行人发现张三名下新购车辆豫A·67890")).getId();
    } finally {
      identity.clearAuthentication();
    }
  }

  ProcessInstance resumption(String caseNumber) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ResumptionVariables.RESUMPTION_PROCESS)
        .processInstanceBusinessKey(caseNumber).singleResult();
  }

  void approve(String resumption) {
    complete(resumption, "Task_ReviewResumption", REVIEWER, List.of("termination"),
        Map.of("resumptionDecision", "approved"));
  }

  void refuse(String resumption, String reason) {
    complete(resumption, "Task_ReviewResumption", REVIEWER, List.of("termination"),
        Map.of("resumptionDecision", "refused", "refusalReason", reason));
  }

  Task task(String instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
  }

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
}
