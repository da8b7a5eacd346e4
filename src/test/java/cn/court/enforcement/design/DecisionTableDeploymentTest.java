package cn.court.enforcement.design;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.demo.CaseRoute;
import cn.court.enforcement.demo.CaseWalker;
import cn.court.enforcement.demo.DemoFilings;
import cn.court.enforcement.support.StaffClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Issue 17 §4: a designer deploys a changed triage table alone from Modeler, without a restart; the
 * next case's suggestion comes from the new version, a case decided before keeps its result and its
 * record names the version that decided it, and the case page shows each case's version. The
 * designers' context, dirtied: the changed table must not decide other tests' cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "court.test.context=designer")
@DirtiesContext
class DecisionTableDeploymentTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRIAGE = "processes/triage.dmn";
  /** The court's change: a respondent who will pay or settle no longer makes the case a quick one (rule 四). */
  private static final String SETTLEMENT_QUICK = "<outputEntry id=\"Rule_PerformanceOrSettlement_Output\">\n          <text>\"quick\"</text>";

  @LocalServerPort int port;
  @Autowired CaseWalker walker;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;

  /** A case walked to triage's confirmation, its facts saying the respondent is likely to pay or settle. */
  private String triaged(int serial) {
    String caseNumber = DemoFilings.caseNumber(serial);
    LocalDate today = LocalDate.now();
    walker.file(DemoFilings.filing(serial, today.minusDays(5)), 0);
    walker.walk(caseNumber, new CaseRoute(caseNumber, today.minusDays(5), today).verifyFiling().reception("被执行人表示愿意和解")
        .documents("direct").dossier().inquiry().offlineControl().triageFacts(false, true).take(), 0);
    return caseNumber;
  }

  private HistoricDecisionInstance decisionOf(String caseNumber) {
    String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey("enforcement-case").singleResult().getId();
    return history.createHistoricDecisionInstanceQuery().processInstanceId(instance).decisionDefinitionKey("triage")
        .includeOutputs().singleResult();
  }

  private int versionOf(HistoricDecisionInstance decision) {
    return repository.getDecisionDefinition(decision.getDecisionDefinitionId()).getVersion();
  }

  private JsonNode pageDecisions(String caseNumber) throws Exception {
    HttpResponse<String> page = StaffClient.rest(port, "wanghui", "demo")
        .get("/api/case-page?caseNumber=" + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8));
    assertThat(page.statusCode()).isEqualTo(200);
    return JSON.readTree(page.body()).get("decisions");
  }

  private DecisionDefinition latestTriage() {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey("triage").latestVersion().singleResult();
  }

  @Test
  void aTriageTableDeployedAloneDecidesTheNextCaseAndLeavesEarlierDecisionsAsTheyWere() throws Exception {
    int before = latestTriage().getVersion();
    String earlier = triaged(7951);
    String table = ProjectFiles.text(TRIAGE);
    assertThat(table).contains(SETTLEMENT_QUICK);
    String changed = table.replace(SETTLEMENT_QUICK, SETTLEMENT_QUICK.replace("quick", "ordinary"));

    HttpResponse<String> answer = new DesignerDeploymentTest.Modeler("http://localhost:" + port, "shejiyuan")
        .deploy(Map.of("triage.dmn", changed.getBytes(StandardCharsets.UTF_8)));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("deployedDecisionDefinitions", "\"key\":\"triage\"");
    assertThat(latestTriage().getVersion()).isEqualTo(before + 1);

    String later = triaged(7952);
    HistoricDecisionInstance first = decisionOf(earlier);
    HistoricDecisionInstance next = decisionOf(later);
    assertThat(versionOf(first)).isEqualTo(before);
    assertThat(first.getOutputs().get(0).getValue()).as("decided before: never evaluated again").isEqualTo("quick");
    assertThat(versionOf(next)).isEqualTo(before + 1);
    assertThat(next.getOutputs().get(0).getValue()).isEqualTo("ordinary");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(first.getProcessInstanceId())
        .variableName("suggestedTrack").singleResult().getValue()).isEqualTo("quick");

    for (Map.Entry<String, List<Object>> page : Map.of(
        earlier, List.<Object>of(before, "建议分流方式：快执团队办理（立案之日起30日内结案）"),
        later, List.<Object>of(before + 1, "建议分流方式：普通案件，随机分配普执团队")).entrySet()) {
      JsonNode decisions = pageDecisions(page.getKey());
      assertThat(decisions).hasSize(1);
      JsonNode decision = decisions.get(0);
      assertThat(decision.get("name").asText()).isEqualTo("繁简分流建议");
      assertThat(decision.get("key").asText()).isEqualTo("triage");
      assertThat(decision.get("version").asInt()).isEqualTo(page.getValue().get(0));
      assertThat(decision.get("result").asText()).isEqualTo(page.getValue().get(1));
      assertThat(decision.get("rule").asText()).startsWith("（四）被执行人已主动履行");
      assertThat(decision.get("process").asText()).isEqualTo("执行案件办理");
      assertThat(decision.get("decidedAt").asText()).startsWith(LocalDate.now().toString());
    }
  }
}
