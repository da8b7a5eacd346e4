package cn.court.enforcement.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** processes/triage.dmn: the six quick-team criteria of the seed, FIRST hit, catch-all ordinary. */
@Deployment(resources = "processes/triage.dmn")
class TriageDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml").build();

  static Stream<Arguments> quickCriteria() {
    return Stream.of(
        Arguments.of("Rule_DepositsCoverDebt", facts("depositsCoverDebt")),
        Arguments.of("Rule_ActByAssistanceNotice", facts("assistanceNoticeSuffices", "caseKind=act")),
        Arguments.of("Rule_RealEstateOrVehicleTransfer", facts("realEstateOrVehicleTransfer")),
        Arguments.of("Rule_PerformanceOrSettlement", facts("performanceOrSettlementLikely")),
        Arguments.of("Rule_RefusalOrRejection", facts("refusalOrRejectionLikely")),
        Arguments.of("Rule_OtherSimpleCase", facts("otherSimpleCase")));
  }

  @ParameterizedTest
  @MethodSource("quickCriteria")
  void eachCriterionSuggestsTheQuickTeam(String rule, Map<String, Object> facts, ProcessEngine engine) {
    assertThat(evaluate(engine, facts)).isEqualTo("quick");
    assertThat(matchedRule(engine)).isEqualTo(rule);
  }

  @Test
  void noCriterionMetSuggestsOrdinary(ProcessEngine engine) {
    assertThat(evaluate(engine, facts())).isEqualTo("ordinary");
    assertThat(matchedRule(engine)).isEqualTo("Rule_Ordinary");
  }

  @Test
  void assistanceNoticeCountsOnlyForActCases(ProcessEngine engine) {
    assertThat(evaluate(engine, facts("assistanceNoticeSuffices"))).isEqualTo("ordinary");
  }

  @Test
  void firstMatchingCriterionWins(ProcessEngine engine) {
    assertThat(evaluate(engine, facts("otherSimpleCase", "depositsCoverDebt"))).isEqualTo("quick");
    assertThat(matchedRule(engine)).isEqualTo("Rule_DepositsCoverDebt");
  }

  @Test
  void missingFactsSuggestOrdinary(ProcessEngine engine) {
    assertThat(evaluate(engine, Map.of())).isEqualTo("ordinary");
  }

  /** All six facts false and caseKind money-payment, except the ones named (flag or key=value). */
  private static Map<String, Object> facts(String... set) {
    Map<String, Object> facts = new HashMap<>(Map.of("depositsCoverDebt", false, "caseKind", "money-payment",
        "assistanceNoticeSuffices", false, "realEstateOrVehicleTransfer", false,
        "performanceOrSettlementLikely", false, "refusalOrRejectionLikely", false, "otherSimpleCase", false));
    for (String fact : set) {
      String[] pair = fact.split("=");
      facts.put(pair[0], pair.length == 2 ? pair[1] : Boolean.TRUE);
    }
    return facts;
  }

  private static Object evaluate(ProcessEngine engine, Map<String, Object> facts) {
    return engine.getDecisionService().evaluateDecisionTableByKey("triage", facts).getSingleEntry();
  }

  private static String matchedRule(ProcessEngine engine) {
    HistoricDecisionInstance last = engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("triage").includeOutputs().orderByEvaluationTime().desc().list().get(0);
    return last.getOutputs().get(0).getRuleId();
  }
}
