package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseFlow.today;
import static cn.court.enforcement.casefile.CaseFlow.vars;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import cn.court.enforcement.casefile.CaseRegistry.CaseHandler;
import cn.court.enforcement.casefile.CaseRegistry.HandlerChange;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The case's handler (承办人, seed §3): named by the team's leader, holding the team's tasks, changed with a reason. */
@Deployment(resources = {
    "processes/enforcement-case.bpmn", "processes/triage.dmn", "processes/asset-disposal.bpmn", "processes/auction-handler.dmn",
    "processes/case-funds.bpmn", "processes/termination-review.bpmn", "processes/dossier.bpmn",
    "processes/handler-change.bpmn"})
class CaseHandlerProcessTest extends PlainEngineCaseTest {

  @AfterEach
  void clearAuthentication() {
    identityService().clearAuthentication();
  }

  @Test
  void theAllocatedTeamsLeaderNamesAMemberOfTheTeam() {
    CaseFlow flow = CaseFlow.start().toTriageConfirmation(false);
    flow.confirmTrack(vars("caseTrack", "ordinary")).allocate();

    Task naming = flow.at("Task_NameTeamHandler");
    assertThat(naming).hasName("指定承办人").hasCandidateGroupAssociated("ordinary-team-3").isAssignedTo("jiaoyangbo");
    SpinJsonNode options = (SpinJsonNode) taskService().getVariableLocal(naming.getId(), "teamMembers");
    Assertions.assertThat(options.elements()).extracting(o -> o.prop("value").stringValue())
        .containsExactly("jiaoyangbo", "lvzhanpeng", "lihaohui", "wangmengxiang");
    Assertions.assertThat(options.elements().get(1).prop("label").stringValue()).isEqualTo("吕展鹏");

    assertThatThrownBy(() -> flow.complete("Task_NameTeamHandler", "ordinary-team-3", vars("caseHandler", "dingyi")))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("无法完成「指定承办人」：dingyi 不是普执三团队的成员，承办人须从本团队成员中指定。");
    assertThat(flow.instance).isWaitingAt("Task_NameTeamHandler");
    Assertions.assertThat(beans.registry.handler(flow.caseNumber)).isEmpty();

    identityService().setAuthenticatedUserId("jiaoyangbo");
    flow.complete("Task_NameTeamHandler", "ordinary-team-3", vars("caseHandler", "lvzhanpeng"));
    identityService().clearAuthentication();
    assertThat(flow.instance).variables().containsEntry("caseHandler", "lvzhanpeng")
        .containsEntry("caseHandlerName", "吕展鹏").containsEntry("caseHandlerTeam", "ordinary-team-3");
    Assertions.assertThat(beans.registry.handler(flow.caseNumber))
        .contains(new CaseHandler("lvzhanpeng", "ordinary-team-3"));
    Assertions.assertThat(beans.registry.handlerChanges(flow.caseNumber)).singleElement().satisfies(named -> {
      Assertions.assertThat(named.previousHandler()).isNull();
      Assertions.assertThat(named.newHandler()).isEqualTo("lvzhanpeng");
      Assertions.assertThat(named.reason()).isNull();
      Assertions.assertThat(named.changedBy()).isEqualTo("jiaoyangbo");
    });
  }

  @Test
  void theTeamsFollowingTasksAreTheHandlersAndStayOpenToTheTeam() {
    CaseFlow flow = CaseFlow.start().toTeamHub();
    assertThat(flow.at("Task_ChooseNextMeasure")).isAssignedTo("lvzhanpeng").hasCandidateGroupAssociated("ordinary-team-3");
    flow.measure("interview", vars());
    assertThat(flow.at("Task_RecordInterview")).isAssignedTo("lvzhanpeng").hasCandidateGroupAssociated("ordinary-team-3");
    flow.complete("Task_RecordInterview", "ordinary-team-3", vars("interviewParty", "applicant",
        "measureDate", today(), "measureSummary", "谈话笔录"));
    flow.measure("investigate-property", vars());
    assertThat(flow.at("Task_RecordTeamMeasure")).isAssignedTo("lvzhanpeng");
    flow.complete("Task_RecordTeamMeasure", "ordinary-team-3", vars("respondentPartyId", flow.respondent(1),
        "measureDate", today(), "measureSummary", "核查"));
    flow.measure("punishment", vars());
    assertThat(flow.at("Task_ProposePunishment")).isAssignedTo("lvzhanpeng");

    CaseFlow quick = CaseFlow.start().toQuickTeam();
    assertThat(quick.at("Task_HandleQuickCase")).isAssignedTo("chengxinfeng").hasCandidateGroupAssociated("quick-team");
  }

  @Test
  void theLeaderChangesTheHandlerWithAReasonAndTheOpenTasksMove() {
    CaseFlow flow = CaseFlow.start().toTeamHub();
    Task hub = flow.at("Task_ChooseNextMeasure");
    taskService().setAssignee(hub.getId(), "wangmengxiang"); // a colleague had stepped in
    LocalDateTime before = LocalDateTime.now().withNano(0);

    change("jiaoyangbo", flow.caseNumber, "李昊徽", "吕展鹏借调至执行指挥中心");

    Assertions.assertThat(taskService().createTaskQuery().taskId(hub.getId()).singleResult().getAssignee())
        .isEqualTo("lihaohui");
    assertThat(flow.instance).variables().containsEntry("caseHandler", "lihaohui").containsEntry("caseHandlerName", "李昊徽");
    Assertions.assertThat(beans.registry.handler(flow.caseNumber)).contains(new CaseHandler("lihaohui", "ordinary-team-3"));
    List<HandlerChange> log = beans.registry.handlerChanges(flow.caseNumber);
    Assertions.assertThat(log).hasSize(2);
    Assertions.assertThat(log.get(1)).satisfies(change -> {
      Assertions.assertThat(change.previousHandler()).isEqualTo("lvzhanpeng");
      Assertions.assertThat(change.newHandler()).isEqualTo("lihaohui");
      Assertions.assertThat(change.reason()).isEqualTo("吕展鹏借调至执行指挥中心");
      Assertions.assertThat(change.changedBy()).isEqualTo("jiaoyangbo");
      Assertions.assertThat(change.changedAt()).isAfterOrEqualTo(before);
    });
    // the next team task goes to the new handler
    flow.measure("interview", vars());
    assertThat(flow.at("Task_RecordInterview")).isAssignedTo("lihaohui");
  }

  @Test
  void aChangeIsRefusedUnlessTheTeamsLeaderNamesAnotherMemberWithAReason() {
    CaseFlow flow = CaseFlow.start().toTeamHub();
    String caseNumber = flow.caseNumber;

    assertRefused("lvzhanpeng", caseNumber, "lihaohui", "理由",
        "只有承办团队（普执三团队）的团队长焦阳波或执行局领导可以变更案件 " + caseNumber + " 的承办人。");
    assertRefused("jiaoyangbo", caseNumber, "丁一", "理由", "「丁一」不是普执三团队的成员，新承办人须为本团队成员。");
    assertRefused("jiaoyangbo", caseNumber, "lvzhanpeng", "理由", "吕展鹏已是案件 " + caseNumber + " 的承办人。");
    assertRefused("jiaoyangbo", caseNumber, "lihaohui", " ", "请填写变更承办人的理由。");
    assertRefused("jiaoyangbo", CaseFlow.newCaseNumber(), "lihaohui", "理由", "不在办理中，不能变更承办人。");
    CaseFlow unnamed = CaseFlow.start().toTriageConfirmation(false);
    unnamed.confirmTrack(vars("caseTrack", "ordinary")).allocate();
    assertRefused("jiaoyangbo", unnamed.caseNumber, "lihaohui", "理由", "尚未指定承办人");
    CaseFlow handedBack = CaseFlow.start().toQuickTeam();
    handedBack.complete("Task_HandleQuickCase", "quick-team", vars("quickOutcome", "hand-back",
        "handBackReason", "需评估拍卖", "conflictTeams", CaseFlow.json("[]"), "conflictReason", ""));
    handedBack.allocate();
    assertRefused("yangguoping", handedBack.caseNumber, "dingyi", "理由", "尚未指定承办人");

    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("handler-change").count()).isZero();
    Assertions.assertThat(beans.registry.handlerChanges(caseNumber)).hasSize(1);
    assertThat(flow.at("Task_ChooseNextMeasure")).isAssignedTo("lvzhanpeng");
  }

  @Test
  void aBureauLeaderChangesTheHandlerOfAnyCaseToAMemberOfItsTeam() {
    CaseFlow flow = CaseFlow.start().toTeamHub();

    assertRefused("juzhang", flow.caseNumber, "丁一", "理由", "「丁一」不是普执三团队的成员，新承办人须为本团队成员。");
    change("juzhang", flow.caseNumber, "李昊徽", "吕展鹏长期病假");

    assertThat(flow.at("Task_ChooseNextMeasure")).isAssignedTo("lihaohui");
    Assertions.assertThat(beans.registry.handlerChanges(flow.caseNumber)).last().satisfies(change -> {
      Assertions.assertThat(change.newHandler()).isEqualTo("lihaohui");
      Assertions.assertThat(change.reason()).isEqualTo("吕展鹏长期病假");
      Assertions.assertThat(change.changedBy()).isEqualTo("juzhang");
    });
  }

  private static void change(String leader, String caseNumber, String newHandler, String reason) {
    identityService().setAuthenticatedUserId(leader);
    try {
      runtimeService().startProcessInstanceByKey("handler-change",
          Map.of("caseNumber", caseNumber, "newHandler", newHandler, "changeReason", reason));
    } finally {
      identityService().clearAuthentication();
    }
  }

  private static void assertRefused(String leader, String caseNumber, String newHandler, String reason, String message) {
    assertThatThrownBy(() -> change(leader, caseNumber, newHandler, reason))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining(message);
  }
}
