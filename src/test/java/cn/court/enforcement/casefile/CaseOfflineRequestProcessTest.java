package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseFlow.today;
import static cn.court.enforcement.casefile.CaseFlow.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;

import cn.court.enforcement.entrusted.EntrustedMatters;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 §3 from the case's side: a team's request for an offline measure goes to intensive
 * affairs' one queue (entrusted-matter, beside the case, message EntrustedMatterRequested); the team
 * goes on; the result comes back by message EntrustedMatterReported and is the case's measure
 * offline-request, as when the team waited for it. A case closed first ends the request.
 */
@Deployment(resources = {
    "processes/enforcement-case.bpmn", "processes/triage.dmn", "processes/asset-disposal.bpmn",
    "processes/auction-handler.dmn", "processes/case-funds.bpmn", "processes/termination-review.bpmn",
    "processes/dossier.bpmn", "processes/entrusted-matter.bpmn", "forms/offline-request.form"})
class CaseOfflineRequestProcessTest extends PlainEngineCaseTest {

  @Test
  void aTeamsOfflineRequestRunsBesideTheCaseAndReportsBack() {
    CaseFlow flow = CaseFlow.start().toTeamHub()
        .measure("offline-request", vars("offlineRequest", "请冻结被执行人在洛阳银行的账户"));
    assertThat(flow.instance).as("the team is not blocked").isWaitingAt("Task_ChooseNextMeasure")
        .hasPassed("Task_RequestOfflineMeasure").variables().doesNotContainKey("offlineRequest");

    ProcessInstance matter = flow.besideInstance("entrusted-matter");
    assertThat(matter).hasBusinessKey(flow.caseNumber).isWaitingAt("Task_HandleOfflineRequest")
        .task().hasCandidateGroup("intensive-affairs");
    assertThat(matter).variables().containsEntry("matterSource", "team").containsEntry("requestingTeam", "ordinary-team-3")
        .containsEntry("caseHandler", CaseFlow.handlerOf("ordinary-team-3")).containsEntry("caseNumber", flow.caseNumber)
        .containsEntry("caseInstanceId", flow.instance.getId()).containsEntry("offlineRequest", "请冻结被执行人在洛阳银行的账户")
        .containsKeys("applicantName", "respondentName", "amountClaimed")
        .containsEntry("matterSummary", "本院案件 " + flow.caseNumber + "，承办团队请求办理的线下查控事项：请冻结被执行人在洛阳银行的账户");

    flow.interview("applicant");
    assertThat(flow.instance).isWaitingAt("Task_ChooseNextMeasure");
    Assertions.assertThat(beans.registry.countMeasures(flow.caseNumber, "offline-request")).isZero();

    flow.complete("Task_HandleOfflineRequest", "intensive-affairs", vars("offlineMeasure", "freeze",
        "measureDate", today(), "measureSummary", "已冻结洛阳银行账户存款 3.2 万元"));
    assertThat(matter).isWaitingAt("Task_ReportToCase");
    flow.reportOfflineRequest();
    assertThat(matter).isEnded().hasPassed("EndEvent_OfflineRequestReported");
    assertThat(flow.instance).isWaitingAt("Task_ChooseNextMeasure")
        .hasPassed("Task_RecordEntrustedReport", "EndEvent_EntrustedReportRecorded")
        .variables().doesNotContainKey("entrustedMatterId");
    Assertions.assertThat(CaseTestBeans.JDBC.queryForList(
        "select summary from case_measure where case_number = ? and measure = 'offline-request'", String.class,
        flow.caseNumber)).containsExactly("委托线下查控：请冻结被执行人在洛阳银行的账户；办理情况：已冻结洛阳银行账户存款 3.2 万元");

    List<EntrustedMatters.Matter> rows = beans.entrusted.matters.ofCase(flow.caseNumber);
    Assertions.assertThat(rows).singleElement().satisfies(row -> {
      Assertions.assertThat(row.source()).isEqualTo("team");
      Assertions.assertThat(row.requestingTeam()).isEqualTo("ordinary-team-3");
      Assertions.assertThat(row.outcome()).isEqualTo("freeze");
      Assertions.assertThat(row.status()).isEqualTo("reported");
    });
  }

  @Test
  void aCaseClosedFirstEndsItsOpenRequest() {
    CaseFlow flow = CaseFlow.start().toTeamHub()
        .measure("offline-request", vars("offlineRequest", "请扣押被执行人名下小型轿车"));
    ProcessInstance matter = flow.besideInstance("entrusted-matter");
    flow.interviewBothParties().proposeClosure("fully-performed").registerClosure();

    assertThat(matter).isEnded().hasPassed("EndEvent_ClosedUnhandled").hasNotPassed("Task_ReportToCase");
    Assertions.assertThat(beans.entrusted.matters.ofCase(flow.caseNumber)).singleElement()
        .satisfies(row -> Assertions.assertThat(row.status()).isEqualTo("case-closed"));
    Assertions.assertThat(historyService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(flow.caseNumber).processDefinitionKey("entrusted-matter").finished().count()).isOne();
  }
}
