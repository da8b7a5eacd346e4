package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseFlow.today;
import static cn.court.enforcement.casefile.CaseFlow.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import cn.court.enforcement.dossier.BureauChief;
import cn.court.enforcement.dossier.CatalogueDocument;
import cn.court.enforcement.dossier.DocumentStore;
import cn.court.enforcement.dossier.DossierRegister;
import cn.court.enforcement.dossier.HandOverSteps;
import cn.court.enforcement.dossier.KeyNodes;
import cn.court.enforcement.dossier.KeyNodes.KeyNodeView;
import cn.court.enforcement.dossier.RegisterPaperReturn;
import cn.court.enforcement.funds.CaseMoneyLedger.Arrival;
import cn.court.enforcement.funds.CaseMoneyLedger.Share;
import cn.court.enforcement.handler.Teams;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The key-node register of the archive centre (dossier/KeyNodes) on a real case: network inquiry,
 * an offline seizure, a property investigation and an asset sent to disposal walked through the
 * case's diagram, then money paid out (the ledger's own steps, as case-funds records them). The
 * team hands its material over (dossier-handover) and the centre registers the key nodes on
 * receipt: each reached node shows its material, and the node whose material never came is
 * reported missing until it does.
 */
@Deployment(resources = {
    "processes/enforcement-case.bpmn", "processes/triage.dmn", "processes/asset-disposal.bpmn",
    "processes/auction-handler.dmn", "processes/case-funds.bpmn", "processes/termination-review.bpmn",
    "processes/dossier.bpmn", "processes/dossier-handover.bpmn"})
class DossierKeyNodesProcessTest extends PlainEngineCaseTest {

  private static final String TEAM = "ordinary-team-3";

  private DossierRegister register;

  @BeforeEach
  void registerDossierBeans() {
    register = new DossierRegister(CaseTestBeans.JDBC);
    Mocks.register("registerPaperReturn", new RegisterPaperReturn(register, new Teams(CaseFlow.organisation())));
    Mocks.register("recordHandOver", new HandOverSteps.RecordHandOver(register));
    Mocks.register("recordMaterialCheck", new HandOverSteps.RecordMaterialCheck(register));
    Mocks.register("recordChiefDecision", new HandOverSteps.RecordChiefDecision(register));
    Mocks.register("catalogueDocument", new CatalogueDocument(register, DocumentStore.METADATA_ONLY));
    Mocks.register("bureauChief", new BureauChief(CaseFlow.organisation()));
  }

  @AfterEach
  void clearAuthentication() {
    identityService().clearAuthentication();
  }

  /** Network control, offline seizure, investigation and disposal in the case's diagram; then a payout. */
  private CaseFlow caseThroughDisposalAndPayout() {
    CaseFlow flow = CaseFlow.start().passIntake().serveDocuments().inquiry(true).propertyItem("real-estate", true, false);
    BpmnAwareTests.complete(flow.at("Task_ControlPropertyOffline"), vars("offlineMeasure", "seize",
        "measureDate", today(), "measureSummary", "已线下查封被执行人名下住宅"));
    flow.triage(vars()).confirmTrack(vars("caseTrack", "ordinary"));
    flow.allocate().nameHandler("Task_NameTeamHandler")
        .measure("investigate-property", vars())
        .complete("Task_RecordTeamMeasure", TEAM, vars("respondentPartyId", flow.respondent(1),
            "measureDate", today(), "measureSummary", "核实申请人提供的财产线索"))
        .disposeAsset("real-estate", "被执行人名下郑州市金水区住宅一套");
    beans.ledger.recordArrival(flow.caseNumber, "case-funds-instance", "disposal", new BigDecimal("600000.00"),
        LocalDate.now(), "买受人王某", "heqi");
    Arrival arrival = beans.ledger.arrivals(flow.caseNumber).get(0);
    beans.ledger.propose(arrival, List.of(new Share("申请执行人", new BigDecimal("600000.00"))), CaseFlow.handlerOf(TEAM));
    beans.ledger.approve(arrival.id(), "juzhang", LocalDate.now());
    beans.ledger.pay(arrival.id(), "caiwu", LocalDate.now());
    return flow;
  }

  /** The handler records the team's return, hands the material over, the centre receives it with its key nodes. */
  private void handedOverAndReceived(CaseFlow flow, String material, String... keyNodes) {
    identityService().setAuthenticatedUserId(CaseFlow.handlerOf(TEAM));
    ProcessInstance handover = runtimeService().startProcessInstanceByKey("dossier-handover",
        vars("caseNumber", flow.caseNumber, "tripPurpose", "外出查控、调查"));
    identityService().clearAuthentication();
    assertThat(handover).isWaitingAt("Task_HandOverPaperMaterial");
    BpmnAwareTests.complete(task(handover), vars("material", material, "materialPages", 12));
    BpmnAwareTests.complete(task(handover), vars("materialCheck", "accepted", "keyNodes", List.of(keyNodes)));
    taskService().claim(task(handover).getId(), "liyangyang");
    BpmnAwareTests.complete(task(handover), vars("documentType", "财产查控材料", "documentName", material,
        "documentPages", 12, "moreDocuments", false));
    assertThat(handover).isEnded();
  }

  private List<KeyNodeView> keyNodes(CaseFlow flow) {
    return new KeyNodes(CaseTestBeans.JDBC, historyService(), register).of(flow.caseNumber);
  }

  @Test
  void eachReachedNodeShowsItsMaterialAndTheMissingPayoutMaterialIsReported() {
    CaseFlow flow = caseThroughDisposalAndPayout();
    Assertions.assertThat(keyNodes(flow)).extracting(KeyNodeView::node, KeyNodeView::reached, KeyNodeView::missing)
        .containsExactly(Assertions.tuple("network-control", true, true), Assertions.tuple("offline-seizure", true, true),
            Assertions.tuple("investigation", true, true), Assertions.tuple("disposal", true, true),
            Assertions.tuple("payout", true, true));

    handedOverAndReceived(flow, "网络查控反馈、查封裁定及协助执行通知书、调查笔录、评估拍卖材料",
        "network-control", "offline-seizure", "investigation", "disposal");
    Assertions.assertThat(keyNodes(flow)).extracting(KeyNodeView::node, KeyNodeView::material, KeyNodeView::missing)
        .containsExactly(Assertions.tuple("network-control", 1L, false), Assertions.tuple("offline-seizure", 1L, false),
            Assertions.tuple("investigation", 1L, false), Assertions.tuple("disposal", 1L, false),
            Assertions.tuple("payout", 0L, true));
    Assertions.assertThat(keyNodes(flow)).filteredOn(KeyNodeView::missing).extracting(KeyNodeView::label)
        .containsExactly("案款发放");

    handedOverAndReceived(flow, "执行款发放审批表、领款凭证", "payout");
    Assertions.assertThat(keyNodes(flow)).noneMatch(KeyNodeView::missing).allMatch(KeyNodeView::reached);
    Assertions.assertThat(register.catalogueOf(flow.caseNumber)).hasSize(2);
  }

  @Test
  void aNodeTheCaseHasNotReachedExpectsNoMaterial() {
    CaseFlow flow = CaseFlow.start().passIntake().serveDocuments().inquiry(false);
    Assertions.assertThat(keyNodes(flow)).extracting(KeyNodeView::node, KeyNodeView::reached, KeyNodeView::missing)
        .containsExactly(Assertions.tuple("network-control", true, true), Assertions.tuple("offline-seizure", false, false),
            Assertions.tuple("investigation", false, false), Assertions.tuple("disposal", false, false),
            Assertions.tuple("payout", false, false));
  }
}
