package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseFlow.json;
import static cn.court.enforcement.casefile.CaseFlow.today;
import static cn.court.enforcement.casefile.CaseFlow.vars;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import java.util.List;
import org.assertj.core.api.Assertions;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Deployment(resources = {
    "processes/enforcement-case.bpmn", "processes/triage.dmn", "processes/asset-disposal.bpmn", "processes/auction-handler.dmn",
    "processes/case-funds.bpmn", "processes/termination-review.bpmn", "processes/termination-follow-up.bpmn", "processes/dossier.bpmn",
    "processes/entrusted-matter.bpmn",
    "forms/case-filing.form", "forms/filing-verify.form", "forms/intake-reception.form", "forms/documents-service.form",
    "forms/network-inquiry.form", "forms/property-item.form", "forms/offline-control.form", "forms/triage-facts.form",
    "forms/triage-confirm.form", "forms/quick-case.form", "forms/assign-team.form", "forms/team-next-step.form",
    "forms/team-interview.form", "forms/team-measure.form", "forms/punishment-proposal.form",
    "forms/punishment-ruling.form", "forms/punishment-approval.form", "forms/consumption-restriction-order.form",
    "forms/dishonest-list-decision.form", "forms/offline-request.form", "forms/closure-ruling.form",
    "forms/closure-register.form", "forms/ruling-publication.form",
    "forms/case-money-payout.form", "forms/termination-conditions.form", "forms/termination-ruling.form",
    "forms/dossier-build.form", "forms/dossier-image.form", "forms/dossier-archive.form"})
class EnforcementCaseProcessTest extends PlainEngineCaseTest {

  @Test
  void quickPathEndsFullyPerformedAndArchived() {
    CaseFlow flow = CaseFlow.start();
    assertThat(flow.instance).hasBusinessKey(flow.caseNumber).isWaitingAt("Task_VerifyFilingData");
    Assertions.assertThat(beans.registry.exists(flow.caseNumber)).isTrue();
    verify(beans.caseClock).register(any(DelegateExecution.class));
    assertThat(flow.calledInstance("dossier")).isWaitingAt("Task_BuildElectronicDossier", "Event_CaseClosed");

    flow.toTriageConfirmation(true);
    assertThat(flow.instance).variables().containsEntry("suggestedTrack", "quick");
    flow.confirmTrack(vars("caseTrack", "quick")).nameHandler("Task_NameQuickHandler")
        .complete("Task_HandleQuickCase", "quick-team", vars("quickOutcome", "close", "closureKind", "fully-performed"))
        .registerClosure();
    assertThat(flow.calledInstance("dossier")).isWaitingAt("Task_BuildElectronicDossier")
        .variables().containsEntry("closedDate", today());
    assertThat(flow.instance).hasPassed("EndEvent_CaseClosed", "Task_NotifyDossierOfClosure")
        .hasNotPassed("Task_ControlPropertyOffline", "Task_AllocateTeamAtRandom", "Task_SignClosureRuling");

    flow.archive();
    assertThat(flow.instance).isEnded();
  }

  @Test
  void ordinaryPathGoesThroughAllocationMeasuresAndClosure() {
    CaseFlow flow = CaseFlow.start().toTriageConfirmation(false);
    assertThat(flow.instance).variables().containsEntry("suggestedTrack", "ordinary");
    flow.confirmTrack(vars("caseTrack", "ordinary", "conflictTeams", json("[\"ordinary-team-1\"]"),
        "conflictReason", "承办人与被执行人有亲属关系"));
    flow.allocate();
    Map<String, Object> draw = beans.allocation.calls.get(0);
    Assertions.assertThat(draw.get("caseNumber")).isEqualTo(flow.caseNumber);
    Assertions.assertThat(((SpinJsonNode) draw.get("conflictTeams")).elements()).hasSize(1);
    assertThat(flow.instance).variables().containsEntry("handlingTeam", "ordinary-team-3");

    flow.nameHandler("Task_NameTeamHandler").measure("investigate-property", vars())
        .complete("Task_RecordTeamMeasure", "ordinary-team-3", vars("respondentPartyId", flow.respondent(1),
            "measureDate", today(), "measureSummary", "核实财产线索"))
        .interviewBothParties()
        .measure("punishment", vars())
        .complete("Task_ProposePunishment", "ordinary-team-3", vars("respondentPartyId", flow.respondent(1),
            "punishmentKind", "consumption-restriction", "punishmentGrounds", "拒不申报财产"))
        .complete("Task_SignConsumptionRestriction", "court-presidents", vars("punishmentDecision", "signed",
            "rulingNumber", "限高-1", "measureDate", today(), "measureSummary", "限制高消费"))
        .measure("offline-request", vars("offlineRequest", "查封某小区3号楼房产"))
        .complete("Task_HandleOfflineRequest", "intensive-affairs", vars("offlineMeasure", "seize",
            "measureDate", today(), "measureSummary", "已查封"))
        .reportOfflineRequest()
        .proposeClosure("fully-performed")
        .registerClosure()
        .archive();

    assertThat(flow.instance).isEnded().hasPassed("Task_RecordInterview", "Task_SignConsumptionRestriction")
        .hasNotPassed("Task_SignPunishmentRuling");
    Assertions.assertThat(measures(flow, "investigate-property")).isEqualTo(1);
    Assertions.assertThat(measures(flow, "punishment-consumption-restriction")).isEqualTo(1);
    Assertions.assertThat(measures(flow, "offline-request")).isEqualTo(1);
  }

  @Test
  void filingErrorsGoBackToFilingAndReturnToIntake() {
    CaseFlow flow = CaseFlow.start();
    flow.complete("Task_VerifyFilingData", "intake", vars("filingCheck", "needs-correction", "filingErrors", "标的额有误"));
    assertThat(flow.at("Task_CorrectFilingData")).hasCandidateGroup("filing");

    Map<String, Object> corrected = CaseFlow.filing(flow.caseNumber);
    corrected.put("amountClaimed", 99000);
    CaseFlow.party(corrected, "applicant", 1).prop("idNumber", "110105194912310021");
    assertThatThrownBy(() -> flow.complete("Task_CorrectFilingData", "filing", corrected))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("申请执行人证件号码不是有效的18位居民身份证号码");
    Map<String, Object> otherNumber = CaseFlow.filing(CaseFlow.newCaseNumber());
    assertThatThrownBy(() -> flow.complete("Task_CorrectFilingData", "filing", otherNumber))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("不能修改案号");

    CaseFlow.party(corrected, "applicant", 1).prop("idNumber", CaseFlow.RESIDENT_ID);
    long applicantId = beans.registry.parties(flow.caseNumber).get(0).id();
    // The correction removes the filed respondent and adds two.
    CaseFlow.parties(corrected, "respondent", List.of(
        Map.of("name", "李四", "idNumber", "410105198001011239", "address", "某县东街1号"),
        Map.of("name", "王五", "idNumber", "41010219750315202X", "phone", "13700137000", "address", "某县西街2号")));
    flow.complete("Task_CorrectFilingData", "filing", corrected);
    Assertions.assertThat(beans.registry.parties(flow.caseNumber))
        .extracting(party -> party.party().role() + ":" + party.party().name())
        .containsExactly("applicant:张三", "respondent:李四", "respondent:王五");
    Assertions.assertThat(beans.registry.parties(flow.caseNumber).get(0).id()).as("a kept party keeps its row")
        .isEqualTo(applicantId);
    Assertions.assertThat(runtimeService().getVariable(flow.instance.getId(), "respondentName")).isEqualTo("李四等2人");
    Assertions.assertThat(runtimeService().getVariable(flow.instance.getId(), "partiesText").toString())
        .contains("被执行人：王五（41010219750315202X），13700137000，某县西街2号").doesNotContain("某某建材有限公司");
    assertThat(flow.instance).isWaitingAt("Task_VerifyFilingData");
    Assertions.assertThat(CaseTestBeans.JDBC.queryForObject("SELECT amount_claimed FROM case_file WHERE case_number = ?",
        java.math.BigDecimal.class, flow.caseNumber)).isEqualByComparingTo("99000");
    flow.passIntake();
    assertThat(flow.instance).isWaitingAt("Task_RegisterAndServeDocuments");
  }

  @Test
  void quickTeamHandsCaseBackToAllocation() {
    CaseFlow flow = CaseFlow.start().toQuickTeam();
    assertThatThrownBy(() -> flow.complete("Task_HandleQuickCase", "quick-team", vars("quickOutcome", "hand-back")))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("请填写转为普通案件的理由");
    flow.complete("Task_HandleQuickCase", "quick-team", vars("quickOutcome", "hand-back",
        "handBackReason", "被执行人下落不明", "conflictTeams", json("[\"ordinary-team-2\"]"), "conflictReason", "回避"));
    flow.allocate();
    assertThat(flow.instance).variables().containsEntry("caseTrack", "ordinary").containsEntry("handlingTeam", "ordinary-team-3");
    // The allocated team's leader names a handler of their own team in place of the quick team's.
    assertThat(flow.at("Task_NameTeamHandler")).hasCandidateGroupAssociated("ordinary-team-3").isAssignedTo("jiaoyangbo");
    flow.nameHandler("Task_NameTeamHandler");
    assertThat(flow.at("Task_ChooseNextMeasure")).hasCandidateGroupAssociated("ordinary-team-3").isAssignedTo("lvzhanpeng");
  }

  @Test
  void noEligibleTeamGoesToBureauLeaders() {
    beans.allocation.team = null;
    CaseFlow flow = CaseFlow.start().toTriageConfirmation(false);
    flow.confirmTrack(vars("caseTrack", "ordinary")).allocate();
    assertThat(flow.at("Task_AssignTeamByDecision")).hasCandidateGroup("bureau-leaders");
    assertThatThrownBy(() -> flow.complete("Task_AssignTeamByDecision", "bureau-leaders",
        vars("handlingTeam", "ordinary-team-5")))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("请填写指定理由");
    flow.complete("Task_AssignTeamByDecision", "bureau-leaders", vars("handlingTeam", "ordinary-team-5",
        "assignmentReason", "其余团队均回避"));
    assertThat(flow.at("Task_NameTeamHandler")).hasCandidateGroupAssociated("ordinary-team-5").isAssignedTo("suguanfeng");
    flow.nameHandler("Task_NameTeamHandler");
    assertThat(flow.at("Task_ChooseNextMeasure")).hasCandidateGroupAssociated("ordinary-team-5").isAssignedTo("peixinpeng");
  }

  @Test
  void triageOverrideNeedsReason() {
    CaseFlow flow = CaseFlow.start().toTriageConfirmation(true);
    assertThatThrownBy(() -> flow.confirmTrack(vars("caseTrack", "ordinary")))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("请填写不采纳建议的理由");
    assertThatThrownBy(() -> flow.confirmTrack(vars("caseTrack", "ordinary", "overrideReason", "标的大",
        "conflictTeams", json("[\"ordinary-team-1\"]"))))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("请填写回避理由");
    assertThatThrownBy(() -> flow.confirmTrack(vars("caseTrack", "ordinary", "overrideReason", "标的大",
        "conflictTeams", json("[\"ordinary-team-1\", \"team-x\"]"), "conflictReason", "回".repeat(201))))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("的取值无效：team-x").hasMessageContaining("回避理由不能超过200个字");
    assertThatThrownBy(() -> flow.confirmTrack(vars("caseTrack", "ordinary", "overrideReason", "标的大",
        "conflictTeams", json("[\"ordinary-team-9\"]"), "conflictReason", "回避")))
        .as("a team outside the allocation pool is refused here, not in the allocation job")
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("的取值无效：ordinary-team-9");
    flow.confirmTrack(vars("caseTrack", "ordinary", "overrideReason", "标的额较大，财产情况复杂"));
    assertThat(flow.instance).isWaitingAt("Task_AllocateTeamAtRandom");
  }

  @ParameterizedTest
  @ValueSource(strings = {"fully-performed", "settlement-performed", "withdrawn"})
  void closureWithoutRuling(String kind) {
    CaseFlow flow = CaseFlow.start().toTeamHub().interviewBothParties().proposeClosure(kind);
    assertThat(flow.instance).isWaitingAt("Task_RegisterClosure");
    flow.registerClosure().archive();
    assertThat(flow.instance).isEnded().hasNotPassed("Task_SignClosureRuling", "CallActivity_ReviewTermination");
  }

  @ParameterizedTest
  @ValueSource(strings = {"terminated", "refused"})
  void closureByRulingIsSignedByJudge(String kind) {
    CaseFlow flow = CaseFlow.start().toTeamHub().interviewBothParties().proposeClosure(kind);
    flow.complete("Task_SignClosureRuling", "judges", vars("closureRulingNumber", "（2026）豫0000执1号之一",
        "closureRulingSignedOn", today()));
    flow.registerClosure().archive();
    assertThat(flow.instance).isEnded();
  }

  @Test
  void terminationOfThisProcedureGoesThroughTerminationReview() {
    CaseFlow flow = CaseFlow.start().toTeamHub().interviewBothParties().proposeClosure("procedure-terminated");
    assertThat(flow.calledInstance("termination-review")).isWaitingAt("Task_ReviewTerminationConditions");
    // The whole review, up to closure, is walked in termination/TerminationReviewProcessTest.
    assertThat(flow.at("Task_ReviewTerminationConditions")).isAssignedTo("xielixuan");
    assertThatThrownBy(() -> flow.complete("Task_ReviewTerminationConditions", "termination", vars("terminationDecision",
        "approved", "terminationOpinion", "符合终本条件")))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("自立案之日起已超过三个月（第一条第四项）");
  }

  @Test
  void refusedTerminationReturnsToTheTeam() {
    CaseFlow flow = CaseFlow.start().toTeamHub().interviewBothParties().proposeClosure("procedure-terminated");
    flow.complete("Task_ReviewTerminationConditions", "termination", vars("terminationDecision", "returned",
        "terminationOpinion", "财产调查未穷尽"));
    assertThat(flow.instance).hasPassed("EndEvent_TerminationRefused").isWaitingAt("SubProcess_TeamEnforcement");
    assertThat(flow.at("Task_ChooseNextMeasure")).hasCandidateGroupAssociated("ordinary-team-3");
  }

  @Test
  void closureRefusedWithoutInterviewRecords() {
    CaseFlow flow = CaseFlow.start().toTeamHub();
    assertThatThrownBy(() -> flow.proposeClosure("fully-performed"))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("尚无对申请执行人的谈话笔录")
        .hasMessageContaining("尚无对被执行人的谈话笔录");
    flow.interview("applicant");
    assertThatThrownBy(() -> flow.proposeClosure("fully-performed"))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessageNotContaining("申请执行人的谈话笔录")
        .hasMessageContaining("尚无对被执行人的谈话笔录，普通案件不能结案");
    assertThat(flow.instance).isWaitingAt("Task_ChooseNextMeasure");
    flow.interview("respondent").proposeClosure("fully-performed");
    assertThat(flow.instance).isWaitingAt("Task_RegisterClosure");
  }

  @Test
  void everyRespondentRecordNamesItsRespondent() {
    Map<String, Object> filing = CaseFlow.filing(CaseFlow.newCaseNumber());
    CaseFlow.parties(filing, "applicant", List.of(
        Map.of("name", "张三", "idNumber", CaseFlow.RESIDENT_ID, "phone", "13800138000", "address", "某县人民路1号"),
        Map.of("name", "某某银行某县支行", "legalRepresentative", "周某", "idNumber", "91410000169954619U",
            "phone", "0371-65550000", "address", "某县中心路2号")));
    CaseFlow.parties(filing, "respondent", List.of(
        Map.of("name", "李四", "idNumber", "410105198001011239", "address", "某县东街1号"),
        Map.of("name", "某某建材有限公司", "legalRepresentative", "李某", "idNumber", CaseFlow.CREDIT_CODE,
            "address", "某县工业园区8号")));
    CaseFlow flow = CaseFlow.start(filing);
    assertThat(flow.instance).variables().containsEntry("applicantName", "张三等2人").containsEntry("respondentName", "李四等2人");
    SpinJsonNode options = (SpinJsonNode) runtimeService().getVariable(flow.instance.getId(), "respondentOptions");
    Assertions.assertThat(options.elements()).extracting(option -> option.prop("label").stringValue())
        .containsExactly("李四（410105198001011239）", "某某建材有限公司（" + CaseFlow.CREDIT_CODE + "）");
    String company = flow.respondent(2);

    flow.passIntake().serveDocuments().inquiry(true);
    assertThatThrownBy(() -> flow.complete("Task_RecordPropertyItem", "network-control", vars("respondentPartyId", "999999",
        "propertyKind", "deposit", "holderInstitution", "某银行", "propertyValue", 100, "moreItems", false)))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("财产所属被执行人的取值无效：999999");
    flow.complete("Task_RecordPropertyItem", "network-control", vars("respondentPartyId", company,
        "propertyKind", "deposit", "holderInstitution", "某银行", "propertyValue", 100, "moreItems", false));
    Assertions.assertThat(beans.registry.propertyItems(flow.caseNumber)).singleElement()
        .satisfies(item -> Assertions.assertThat(String.valueOf(item.respondentId())).isEqualTo(company));

    flow.triage(vars()).confirmTrack(vars("caseTrack", "ordinary")).allocate().nameHandler("Task_NameTeamHandler")
        .measure("interview", vars())
        .complete("Task_RecordInterview", "ordinary-team-3", vars("interviewParty", "respondent",
            "respondentPartyId", company, "measureDate", today(), "measureSummary", "法定代表人到庭谈话"))
        .interview("applicant")
        .measure("punishment", vars());
    assertThatThrownBy(() -> flow.complete("Task_ProposePunishment", "ordinary-team-3", vars("respondentPartyId", "999999",
        "punishmentKind", "dishonest-list", "punishmentGrounds", "有履行能力而拒不履行", "dishonestGround", "able-but-refuses")))
        .as("another case's party is refused at the proposal, not only at the ruling")
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("被惩戒的被执行人的取值无效：999999");
    flow.complete("Task_ProposePunishment", "ordinary-team-3", vars("respondentPartyId", company,
            "punishmentKind", "dishonest-list", "punishmentGrounds", "有履行能力而拒不履行", "dishonestGround", "able-but-refuses"))
        .complete("Task_SignDishonestListing", "court-presidents", vars("punishmentDecision", "signed", "rulingNumber", "失信-1",
            "measureDate", today(), "measureSummary", "纳入失信名单", "restrictionOrderNumber", "限高-2"));
    Assertions.assertThat(CaseTestBeans.JDBC.queryForList("""
        SELECT m.measure || ':' || COALESCE(p.name, '-') FROM case_measure m LEFT JOIN case_party p ON p.id = m.party_id
        WHERE m.case_number = ? ORDER BY m.id""", String.class, flow.caseNumber))
        .containsExactly("interview-respondent:某某建材有限公司", "interview-applicant:-", "punishment-dishonest-list:某某建材有限公司",
            "punishment-consumption-restriction:某某建材有限公司");
    assertThat(flow.instance).variables().doesNotContainKey("respondentPartyId");
  }

  @Test
  void refusedPunishmentIsNotRecorded() {
    CaseFlow flow = CaseFlow.start().toTeamHub().measure("punishment", vars());
    assertThatThrownBy(() -> flow.complete("Task_ProposePunishment", "ordinary-team-3",
        vars("punishmentKind", "detention", "punishmentGrounds", "抗拒执行", "detentionDays", 20)))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("拘留天数不能大于15");
    assertThatThrownBy(() -> flow.complete("Task_ProposePunishment", "ordinary-team-3",
        vars("punishmentKind", "detention", "punishmentGrounds", "抗拒执行", "detentionDays", 2.5)))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("拘留天数应为整数");
    flow.complete("Task_ProposePunishment", "ordinary-team-3", vars("respondentPartyId", flow.respondent(1),
        "punishmentKind", "detention", "punishmentGrounds", "抗拒执行", "detentionDays", 15));
    flow.complete("Task_ApprovePunishment", "court-presidents", vars("presidentDecision", "approve"));
    flow.complete("Task_SignPunishmentRuling", "judges", vars("punishmentDecision", "rejected", "rulingRemarks", "证据不足"));
    Assertions.assertThat(measures(flow, "punishment-detention")).isZero();
    assertThat(flow.at("Task_ChooseNextMeasure")).isNotNull();

    // Refused by the president: nothing recorded, and the next proposal starts from an empty form.
    flow.measure("punishment", vars()).complete("Task_ProposePunishment", "ordinary-team-3", vars("respondentPartyId",
        flow.respondent(1), "punishmentKind", "fine", "punishmentGrounds", "拒不报告财产", "fineAmount", 60000));
    flow.complete("Task_ApprovePunishment", "court-presidents", vars("presidentDecision", "refuse",
        "presidentComment", "已申报财产"));
    assertThat(flow.instance).hasPassed("EndEvent_PunishmentNotApproved").hasNotPassed("Task_SignConsumptionRestriction");
    Assertions.assertThat(measures(flow, "punishment-fine")).isZero();
    flow.measure("punishment", vars());
    Assertions.assertThat(taskService().getVariables(flow.at("Task_ProposePunishment").getId()))
        .containsEntry("punishmentKind", null).containsEntry("fineAmount", null).containsEntry("presidentDecision", null);
    Assertions.assertThat(runtimeService().getVariables(flow.instance.getId())).doesNotContainKeys("punishmentKind",
        "fineAmount", "presidentDecision", "presidentComment");
  }

  @Test
  void noPropertyNeedingOfflineActionSkipsIntensiveAffairs() {
    CaseFlow flow = CaseFlow.start().passIntake().serveDocuments().inquiry(true)
        .propertyItem("deposit", false, false);
    assertThat(flow.instance).hasNotPassed("Task_ControlPropertyOffline").isWaitingAt("Task_RecordTriageFacts");
    Assertions.assertThat(beans.registry.propertyItems(flow.caseNumber)).hasSize(1);
  }

  @Test
  void onePropertyItemNeedingOfflineActionMakesOneTask() {
    CaseFlow flow = CaseFlow.start().passIntake().serveDocuments().inquiry(true)
        .propertyItem("real-estate", true, true)
        .propertyItem("deposit", false, false);
    Assertions.assertThat(offlineTasks(flow)).hasSize(1);
    assertThat(flow.at("Task_ControlPropertyOffline")).hasCandidateGroup("intensive-affairs");
    Assertions.assertThat(taskService().getVariableLocal(flow.at("Task_ControlPropertyOffline").getId(), "propertyDescription"))
        .isEqualTo("不动产｜某县农商银行｜5000.00 元");
    completeOffline(flow);
    assertThat(flow.instance).isWaitingAt("Task_RecordTriageFacts");
    Assertions.assertThat(beans.registry.offlineItemIds(flow.caseNumber)).isEmpty();
  }

  @Test
  void threePropertyItemsNeedingOfflineActionMakeThreeTasks() {
    CaseFlow flow = CaseFlow.start().passIntake().serveDocuments().inquiry(true)
        .propertyItem("real-estate", true, true)
        .propertyItem("vehicle", true, true)
        .propertyItem("housing-fund", true, false);
    Assertions.assertThat(offlineTasks(flow)).hasSize(3);
    assertThatThrownBy(() -> BpmnAwareTests.complete(offlineTasks(flow).get(0), vars("offlineMeasure", "seize")))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("请填写办理日期");
    completeOffline(flow);
    Assertions.assertThat(offlineTasks(flow)).hasSize(2);
    completeOffline(flow);
    completeOffline(flow);
    assertThat(flow.instance).isWaitingAt("Task_RecordTriageFacts");
    Assertions.assertThat(beans.registry.propertyItems(flow.caseNumber)).allSatisfy(item -> Assertions.assertThat(item.offlineMeasure()).isEqualTo("seize"));
  }

  @Test
  void invalidPropertyItemIsRefused() {
    CaseFlow flow = CaseFlow.start().passIntake().serveDocuments().inquiry(true);
    assertThatThrownBy(() -> flow.complete("Task_RecordPropertyItem", "network-control",
        vars("propertyKind", "gold", "propertyValue", -1)))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("请填写财产所属被执行人").hasMessageContaining("财产种类的取值无效").hasMessageContaining("请填写财产所在机构")
        .hasMessageContaining("金额或价值（元）不能小于0");
    assertThatThrownBy(() -> flow.complete("Task_RecordPropertyItem", "network-control",
        vars("propertyKind", "deposit", "holderInstitution", "行".repeat(201), "propertyValue", 100,
            "propertyRemarks", "备".repeat(1001))))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("财产所在机构不能超过200个字").hasMessageContaining("备注不能超过1000个字");
    Assertions.assertThat(beans.registry.propertyItems(flow.caseNumber)).isEmpty();
  }

  @Test
  void badStartDataIsRefusedWithChineseMessage() {
    String caseNumber = CaseFlow.newCaseNumber();
    Map<String, Object> filing = CaseFlow.filing(caseNumber);
    CaseFlow.party(filing, "applicant", 1).deleteProp("name");
    CaseFlow.party(filing, "applicant", 1).prop("idNumber", "110105194912310021");
    CaseFlow.party(filing, "applicant", 1).prop("phone", "12345");
    CaseFlow.party(filing, "respondent", 1).prop("idNumber", "91350100M000100Y44");
    // The parties' groups: what FilingValidator checks party by party.
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(CaseVariables.PROCESS_KEY, filing))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessageStartingWith("立案信息有误：")
        .hasMessageContaining("请填写申请执行人姓名或名称")
        .hasMessageContaining("申请执行人证件号码不是有效的18位居民身份证号码")
        .hasMessageContaining("申请执行人联系电话格式不正确")
        .hasMessageContaining("被执行人是单位（填写了法定代表人），证件号码应为有效的统一社会信用代码");
    // The form's own top-level rules, read from the deployed case-filing form, come first.
    Map<String, Object> negative = CaseFlow.filing(caseNumber);
    negative.put("amountClaimed", -5);
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(CaseVariables.PROCESS_KEY, negative))
        .isInstanceOf(InvalidCaseDataException.class).hasMessage("无法启动「执行案件办理」：申请执行标的金额（元）不能小于0");
    Map<String, Object> badNumber = CaseFlow.filing("2026执123");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(CaseVariables.PROCESS_KEY, badNumber))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("案号格式不正确");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
    Assertions.assertThat(beans.registry.exists(caseNumber)).isFalse();
  }

  @Test
  void duplicateCaseNumberIsRefused() {
    CaseFlow first = CaseFlow.start();
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(CaseVariables.PROCESS_KEY,
        CaseFlow.filing(first.caseNumber)))
        .isInstanceOf(InvalidCaseDataException.class).hasMessage("案号" + first.caseNumber + "已经立案，不能重复立案");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
        .processInstanceBusinessKey(first.caseNumber).count()).isEqualTo(1);
  }

  @Test
  void businessKeyMustBeTheCaseNumber() {
    String caseNumber = CaseFlow.newCaseNumber();
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(CaseVariables.PROCESS_KEY, "other-key",
        CaseFlow.filing(caseNumber)))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("必须与案号");
  }

  @Test
  void deletingACaseIsNotRefusedByCompletionChecks() {
    CaseFlow flow = CaseFlow.start().toTeamHub();
    runtimeService().deleteProcessInstance(flow.instance.getId(), "立案错误，撤销");
    assertThat(flow.instance).isEnded();
  }

  private static org.camunda.bpm.engine.TaskService taskService() {
    return BpmnAwareTests.taskService();
  }

  private static List<org.camunda.bpm.engine.task.Task> offlineTasks(CaseFlow flow) {
    return taskQuery().processInstanceBusinessKey(flow.caseNumber).taskDefinitionKey("Task_ControlPropertyOffline").list();
  }

  private static void completeOffline(CaseFlow flow) {
    BpmnAwareTests.complete(offlineTasks(flow).get(0), vars("offlineMeasure", "seize", "measureDate", today(),
        "measureSummary", "已线下查封"));
  }

  private int measures(CaseFlow flow, String measure) {
    return beans.registry.countMeasures(flow.caseNumber, measure);
  }
}
