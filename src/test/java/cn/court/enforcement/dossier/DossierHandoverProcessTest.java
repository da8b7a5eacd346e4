package cn.court.enforcement.dossier;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.court.enforcement.casefile.InvalidCaseDataException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each hand-over of paper material (dossier-handover), beside a case in handling: the team records
 * its return, hands the material over, the archive centre checks it — accepted first time; refused,
 * corrected and accepted; refused and disputed, the bureau chief deciding each way — and catalogues
 * each document. The case is a stand-in instance of enforcement-case holding its team and handler.
 */
@Deployment(resources = {"processes/dossier-handover.bpmn", "forms/dossier-return.form", "forms/dossier-handover.form",
    "forms/dossier-check.form", "forms/dossier-dispute.form", "forms/dossier-scan.form"})
class DossierHandoverProcessTest {

  static final String TEAM = "ordinary-team-1";
  static final String HANDLER = "hongjianjun";

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml").build();

  private ProcessEngine engine;
  private DossierBeans beans;
  private String caseDeployment;
  private String caseNumber;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    this.engine = engine;
    BpmnAwareTests.init(engine);
    beans = new DossierBeans().register();
    caseDeployment = engine.getRepositoryService().createDeployment().addModelInstance("case-stand-in.bpmn",
        Bpmn.createExecutableProcess("enforcement-case").camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_ChooseNextMeasure").endEvent().done()).deploy().getId();
    caseNumber = "（2026）豫0000执" + (8000 + (int) (Math.random() * 1000)) + "号";
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf(LocalDateTime.of(2026, 3, 2, 9, 30)));
  }

  @AfterEach
  void tearDown() {
    engine.getIdentityService().clearAuthentication();
    engine.getRepositoryService().deleteDeployment(caseDeployment, true);
    Mocks.reset();
    ClockUtil.reset();
  }

  private void caseInHandling(Map<String, Object> state) {
    engine.getRuntimeService().startProcessInstanceByKey("enforcement-case", caseNumber, state);
  }

  private void caseWithHandler() {
    caseInHandling(Map.of("handlingTeam", TEAM, "caseHandler", HANDLER, "caseHandlerTeam", TEAM,
        "caseClosed", false, "applicantName", "李四", "respondentName", "张三", "amountClaimed", 50000));
  }

  /** The team records its return to the office, as {@code user} in Tasklist. */
  private ProcessInstance returned(String user) {
    engine.getIdentityService().setAuthenticatedUserId(user);
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(DossierVariables.HANDOVER_PROCESS,
          Map.of("caseNumber", caseNumber, "tripPurpose", "前往被执行人住所送达执行通知书并调查财产"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void handOver(ProcessInstance handover, String material) {
    assertThat(handover).isWaitingAt("Task_HandOverPaperMaterial");
    assertThat(task()).hasCandidateGroupAssociated(TEAM).isAssignedTo(HANDLER);
    complete(task(), Map.of("material", material, "materialPages", 3));
  }

  private void check(ProcessInstance handover, Map<String, Object> result) {
    assertThat(handover).isWaitingAt("Task_CheckMaterial");
    assertThat(task()).hasCandidateGroup("archive");
    complete(task(), result);
  }

  private static Map<String, Object> refused() {
    return Map.of("materialCheck", "refused", "changeRequests", "调查笔录缺被调查人签名，请补签");
  }

  private static Map<String, Object> accepted(String... keyNodes) {
    return Map.of("materialCheck", "accepted", "keyNodes", List.of(keyNodes));
  }

  /** The archive centre catalogues the documents one by one, as liyangyang. */
  private void scan(ProcessInstance handover, String... names) {
    for (int i = 0; i < names.length; i++) {
      assertThat(handover).isWaitingAt("Task_ScanMaterial");
      engine.getTaskService().claim(task().getId(), "liyangyang");
      engine.getIdentityService().setAuthenticatedUserId("liyangyang");
      complete(task(), Map.of("documentType", "调查、搜查笔录", "documentName", names[i], "documentPages", 2,
          "moreDocuments", i < names.length - 1));
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(handover).isEnded().hasPassed("EndEvent_MaterialCatalogued");
  }

  private String status(ProcessInstance handover) {
    return beans.register.status(((Number) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(handover.getId()).variableName(DossierVariables.HANDOVER_ID).singleResult().getValue()).longValue());
  }

  @Test
  void acceptedFirstTimeIsCataloguedDocumentByDocumentWithItsKeyNodes() {
    caseWithHandler();
    ProcessInstance handover = returned(HANDLER);
    assertThat(handover).hasBusinessKey(caseNumber).variables().containsEntry("handoverTeam", TEAM)
        .containsEntry("respondentName", "张三");

    handOver(handover, "送达回证 1 份、调查笔录 1 份");
    check(handover, accepted("investigation", "network-control"));
    Assertions.assertThat(status(handover)).isEqualTo("accepted");
    scan(handover, "张三住所调查笔录", "执行通知书送达回证");

    Assertions.assertThat(beans.register.catalogueOf(caseNumber))
        .extracting(CatalogueEntry::name, CatalogueEntry::pages, CatalogueEntry::scannedBy, CatalogueEntry::scannedAt)
        .containsExactly(
            Assertions.tuple("张三住所调查笔录", 2, "liyangyang", LocalDateTime.of(2026, 3, 2, 9, 30)),
            Assertions.tuple("执行通知书送达回证", 2, "liyangyang", LocalDateTime.of(2026, 3, 2, 9, 30)));
    Assertions.assertThat(beans.register.keyNodeMaterial(caseNumber))
        .containsOnlyKeys(KeyNode.INVESTIGATION, KeyNode.NETWORK_CONTROL);
    assertThat(handover).hasNotPassed("Task_DecideMaterialDispute");
  }

  @Test
  void refusedMaterialIsCorrectedHandedOverAgainAndAccepted() {
    caseWithHandler();
    ProcessInstance handover = returned(HANDLER);
    handOver(handover, "调查笔录 1 份");
    check(handover, refused());
    Assertions.assertThat(status(handover)).isEqualTo("refused");
    Assertions.assertThat(beans.register.keyNodeMaterial(caseNumber)).isEmpty();

    // Back with the handler, the change requests on the form.
    assertThat(handover).isWaitingAt("Task_HandOverPaperMaterial").variables()
        .containsEntry("changeRequests", "调查笔录缺被调查人签名，请补签");
    complete(task(), Map.of("correction", "corrected", "material", "调查笔录 1 份（已补签）", "materialPages", 2));
    check(handover, accepted("investigation"));
    scan(handover, "张三住所调查笔录");
    Assertions.assertThat(status(handover)).isEqualTo("accepted");
    Assertions.assertThat(beans.register.catalogueOf(caseNumber)).hasSize(1);
  }

  @Test
  void disputedRefusalIsAcceptedAsItIsWhenTheChiefSaysSo() {
    caseWithHandler();
    ProcessInstance handover = returned(HANDLER);
    handOver(handover, "调查笔录 1 份");
    check(handover, Map.of("materialCheck", "refused", "changeRequests", "调查笔录缺被调查人签名",
        "keyNodes", List.of("investigation")));
    complete(task(), Map.of("correction", "disputed", "disputeReason", "被调查人拒绝签名，笔录已注明并有见证人"));
    Assertions.assertThat(status(handover)).isEqualTo("disputed");

    assertThat(handover).isWaitingAt("Task_DecideMaterialDispute");
    assertThat(task()).hasCandidateGroupAssociated("bureau-leaders").isAssignedTo("juzhang");
    complete(task(), Map.of("chiefDecision", "accept-as-is", "chiefReason", "拒签已注明，材料符合规范"));

    Assertions.assertThat(status(handover)).isEqualTo("accepted");
    Assertions.assertThat(beans.register.keyNodeMaterial(caseNumber)).containsOnlyKeys(KeyNode.INVESTIGATION);
    scan(handover, "张三住所调查笔录");
  }

  @Test
  void whenTheChiefRequiresCorrectionTheHandlerCorrectsAndCannotDisputeAgain() {
    caseWithHandler();
    ProcessInstance handover = returned(HANDLER);
    handOver(handover, "调查笔录 1 份");
    check(handover, refused());
    complete(task(), Map.of("correction", "disputed", "disputeReason", "笔录无须签名"));
    complete(task(), Map.of("chiefDecision", "correct", "chiefReason", "笔录须经被调查人签名或注明拒签"));

    assertThat(handover).isWaitingAt("Task_HandOverPaperMaterial");
    Assertions.assertThat(status(handover)).isEqualTo("refused");
    String taskId = task().getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("correction", "disputed",
        "disputeReason", "仍不同意")))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("局长已决定须按修改意见修改材料，不能再提出异议");
    assertThat(handover).isWaitingAt("Task_HandOverPaperMaterial");

    complete(task(), Map.of("correction", "corrected", "material", "调查笔录 1 份（已注明拒签）", "materialPages", 2));
    check(handover, accepted());
    scan(handover, "张三住所调查笔录");
    assertThat(handover).hasPassed("Task_DecideMaterialDispute");
  }

  @Test
  void onlyTheHandlingTeamRecordsItsReturnAndOnlyWhileTheCaseIsInHandling() {
    assertThatThrownBy(() -> returned(HANDLER)).isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("不在办理中");
    caseWithHandler();
    assertThatThrownBy(() -> returned("chenlei")).isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("只有案件 " + caseNumber + " 的承办团队（普执一团队）可以登记返回单位。");
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(DossierVariables.HANDOVER_PROCESS).count()).isZero();
    // A team member who is not the handler may record it; the hand-over still goes to the handler.
    assertThat(returned("zhouyuan")).isWaitingAt("Task_HandOverPaperMaterial");
    assertThat(task()).isAssignedTo(HANDLER);
  }

  @Test
  void aFirstHandOverCannotBeADispute() {
    caseWithHandler();
    ProcessInstance handover = returned(HANDLER);
    assertThat(handover).isWaitingAt("Task_HandOverPaperMaterial");
    String taskId = task().getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("correction", "disputed",
        "disputeReason", "不同意")))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("尚未提出修改意见");
    assertThat(handover).isWaitingAt("Task_HandOverPaperMaterial");
  }
}
