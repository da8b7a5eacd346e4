package cn.court.enforcement.casefile;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import cn.court.enforcement.calendar.TimeLimitParseListener;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.OrganisationTestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/** Drives an enforcement case through its tasks with valid form data, step by step. */
public final class CaseFlow {

  static final String RESIDENT_ID = "11010519491231002X";
  static final String CREDIT_CODE = "91350100M000100Y43";
  private static final AtomicInteger SERIAL = new AtomicInteger(1000);
  private static final Organisation ORGANISATION = demoOrganisation();

  static String today() {
    return LocalDate.now().toString();
  }

  static String newCaseNumber() {
    return "（%d）豫0000执%d号".formatted(LocalDate.now().getYear(), SERIAL.incrementAndGet());
  }

  public static Map<String, Object> filing(String caseNumber) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseNumber", caseNumber);
    vars.put("filingDate", today());
    vars.put("caseKind", "money-payment");
    vars.put("nonLitigation", false);
    vars.put("amountClaimed", 120000.5);
    parties(vars, "applicant", List.of(Map.of("name", "张三", "idNumber", RESIDENT_ID,
        "phone", "13800138000", "address", "河南省某县人民路1号")));
    parties(vars, "respondent", List.of(Map.of("name", "某某建材有限公司", "legalRepresentative", "李某",
        "idNumber", CREDIT_CODE, "address", "河南省某县工业园区8号")));
    vars.put("basisDocumentNumber", "（2025）豫0000民初567号");
    vars.put("basisCourt", "某县人民法院");
    vars.put("basisType", "judgment");
    vars.put("propertyClues", "被执行人在某银行有存款");
    return vars;
  }

  /** The parties of a role as the filing form sends them: their number and one group each. */
  public static void parties(Map<String, Object> filing, String role, List<? extends Map<String, ?>> parties) {
    filing.put(role + "Count", parties.size());
    for (int i = 0; i < parties.size(); i++) {
      filing.put(role + (i + 1), Spin.JSON(parties.get(i)));
    }
  }

  /** The group of the n-th party (from 1) of a role in the filing, to change in place. */
  static SpinJsonNode party(Map<String, Object> filing, String role, int n) {
    return (SpinJsonNode) filing.get(role + n);
  }

  public static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      vars.put((String) pairs[i], pairs[i + 1]);
    }
    return vars;
  }

  static Object json(String text) {
    return Spin.JSON(text);
  }

  public final String caseNumber;
  public final ProcessInstance instance;

  private CaseFlow(String caseNumber, ProcessInstance instance) {
    this.caseNumber = caseNumber;
    this.instance = instance;
  }

  static CaseFlow start() {
    return start(newCaseNumber(), today());
  }

  /** A case filed on the given day; the case number must carry that day's year. */
  static CaseFlow start(String caseNumber, String filingDate) {
    Map<String, Object> filing = filing(caseNumber);
    filing.put("filingDate", filingDate);
    return start(filing);
  }

  public static CaseFlow start(Map<String, Object> filing) {
    return new CaseFlow((String) filing.get("caseNumber"),
        runtimeService().startProcessInstanceByKey(CaseVariables.PROCESS_KEY, filing));
  }

  /** The option value of the case's n-th respondent (from 1), as the respondent pickers offer it. */
  public String respondent(int n) {
    SpinJsonNode options = (SpinJsonNode) runtimeService().getVariable(instance.getId(), PartyVariables.RESPONDENT_OPTIONS);
    return options.elements().get(n - 1).prop("value").stringValue();
  }

  /** Completes the task waiting at the activity, checking who it is for (also when assigned to the handler). */
  public CaseFlow complete(String activityId, String group, Map<String, Object> vars) {
    Task task = at(activityId);
    assertThat(task).hasCandidateGroupAssociated(group);
    BpmnAwareTests.complete(task, vars);
    return this;
  }

  /** The limits the task is held to, as escalation reads them from its diagram (no task variable holds them). */
  static List<String> limitsOf(Task task) {
    return TimeLimitParseListener.limitsOf(BpmnAwareTests.repositoryService().getProcessDefinition(
        task.getProcessDefinitionId()), task.getTaskDefinitionKey());
  }

  /** The open task of this case (or of a process it called) at the activity. */
  public Task at(String activityId) {
    List<Task> tasks = taskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(activityId).list();
    if (tasks.size() != 1) {
      throw new AssertionError("expected one task at " + activityId + " but found " + tasks.size());
    }
    return tasks.get(0);
  }

  public CaseFlow passIntake() {
    complete("Task_VerifyFilingData", "intake", vars("filingCheck", "correct"));
    return complete("Task_RecordReception", "intake", vars("receptionDate", today(),
        "respondentSituation", "被执行人经营困难", "riskNoticeGiven", true));
  }

  CaseFlow serveDocuments() {
    return complete("Task_RegisterAndServeDocuments", "documents", vars("registerEntryNumber", "登记-001",
        "executionNoticeServedOn", today(), "propertyReportOrderServedOn", today(), "clueNoticeSentOn", today(),
        "serviceMethod", "direct"));
  }

  CaseFlow inquiry(boolean found) {
    return complete("Task_StartNetworkInquiry", "network-control", vars("nationalInquiryOn", today(),
        "localInquiryOn", today(), "inquiryResult", found ? "found" : "none"));
  }

  CaseFlow propertyItem(String kind, boolean needsOffline, boolean more) {
    return complete("Task_RecordPropertyItem", "network-control", vars("respondentPartyId", respondent(1),
        "propertyKind", kind,
        "holderInstitution", "某县农商银行", "propertyValue", 5000, "propertyControlled", !needsOffline,
        "needsOfflineAction", needsOffline, "moreItems", more));
  }

  public CaseFlow triage(Map<String, Object> facts) {
    return complete("Task_RecordTriageFacts", "triage", facts);
  }

  public CaseFlow confirmTrack(Map<String, Object> vars) {
    return complete("Task_ConfirmTrack", "triage", vars);
  }

  /** Network control found nothing; triage suggests and confirms the given track. */
  CaseFlow toTriageConfirmation(boolean quick) {
    passIntake().serveDocuments().inquiry(false);
    return triage(quick ? vars("depositsCoverDebt", true) : vars());
  }

  /** Quick track, handler named: the quick team's task is open. */
  CaseFlow toQuickTeam() {
    return toTriageConfirmation(true).confirmTrack(vars("caseTrack", "quick")).nameHandler("Task_NameQuickHandler");
  }

  /** Ordinary track, allocation job run, handler named: the handling team's hub task is open. */
  CaseFlow toTeamHub() {
    toTriageConfirmation(false).confirmTrack(vars("caseTrack", "ordinary"));
    return allocate().nameHandler("Task_NameTeamHandler");
  }

  /** The team's leader names {@link #handlerOf the usual handler} at the naming task. */
  public CaseFlow nameHandler(String namingTask) {
    String team = (String) BpmnAwareTests.taskService().getVariable(at(namingTask).getId(), "handlerTeam");
    return complete(namingTask, team, vars("caseHandler", handlerOf(team)));
  }

  /** The handler tests name: the team's second member (the first is the leader, who names). */
  public static String handlerOf(String team) {
    return ORGANISATION.membersOf(team).get(1).id();
  }

  static String leaderOf(String team) {
    return ORGANISATION.leaderOf(team).orElseThrow();
  }

  static Organisation organisation() {
    return ORGANISATION;
  }

  private static Organisation demoOrganisation() {
    try {
      return OrganisationTestData.demo();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public CaseFlow allocate() {
    assertThat(instance).isWaitingAt("Task_AllocateTeamAtRandom");
    execute(job("Task_AllocateTeamAtRandom", instance));
    return this;
  }

  CaseFlow measure(String measure, Map<String, Object> formVars) {
    Map<String, Object> hub = vars("nextMeasure", measure);
    hub.putAll(formVars);
    return complete("Task_ChooseNextMeasure", "ordinary-team-3", hub);
  }

  CaseFlow interview(String party) {
    measure("interview", vars());
    Map<String, Object> form = vars("interviewParty", party, "measureDate", today(), "measureSummary", "谈话笔录");
    if (CaseFiling.RESPONDENT.equals(party)) {
      form.put("respondentPartyId", respondent(1));
    }
    return complete("Task_RecordInterview", "ordinary-team-3", form);
  }

  CaseFlow interviewBothParties() {
    return interview("applicant").interview("respondent");
  }

  /** The team sends an asset described by hand to disposal; the hub is open again at once. */
  CaseFlow disposeAsset(String kind, String description) {
    return measure("asset-disposal", vars("disposalPropertyKind", kind, "assetDescription", description));
  }

  /** Intensive affairs' report of a team's offline request reaches the case (its asynchronous step). */
  CaseFlow reportOfflineRequest() {
    execute(BpmnAwareTests.jobQuery().processInstanceId(besideInstance("entrusted-matter").getId())
        .activityId("Task_ReportToCase").singleResult());
    return this;
  }

  /** The running instance of {@code key} beside the case (same business key, started by message). */
  ProcessInstance besideInstance(String key) {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(key)
        .processInstanceBusinessKey(caseNumber).singleResult();
  }

  CaseFlow proposeClosure(String kind) {
    return measure("propose-closure", vars("closureKind", kind, "closureReason", "结案理由"));
  }

  public CaseFlow registerClosure() {
    return complete("Task_RegisterClosure", "documents", vars("closedDate", today()));
  }

  /** Closure registered: the dossier process gets the message and the dossier is archived. */
  CaseFlow archive() {
    publishRuling();
    complete("Task_BuildElectronicDossier", "archive", vars("dossierCreatedOn", today()));
    complete("Task_MakeImageDossier", "archive", vars("imageDossierMadeOn", today(), "paperVolumes", 1, "imagePages", 120));
    return complete("Task_ArchiveDossier", "archives-office", vars("archiveDecision", "accepted",
        "archiveNumber", "档-2026-1", "archivedOn", today()));
  }

  /** funds publishes the closing ruling on 中国裁判文书网 (after closure, beside the dossier). */
  CaseFlow publishRuling() {
    return complete("Task_PublishRuling", "funds", vars("rulingPublication", "published", "rulingPublishedOn", today()));
  }

  ProcessInstance calledInstance(String key) {
    return calledProcessInstance(key, instance);
  }
}
