package cn.court.enforcement.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.escalation.Notification;
import cn.court.enforcement.escalation.Notifier;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.OrganisationTestData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 改派任务: a bureau leader moves one open task of a case to another member of its groups, and
 * the reason is kept on the task and the case; anyone else, anyone outside the groups, a task
 * done or one the case does not have is refused in Chinese, and nothing moves.
 */
@Deployment(resources = {"processes/task-reassignment.bpmn", "forms/task-reassignment.form"})
class TaskReassignmentProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml").build();

  private static final String CASE = "（2026）豫0105执7001号";
  private static final String LEADER = "juzhang";

  private final List<Notification> sent = new ArrayList<>();
  private RuntimeService runtime;
  private TaskService tasks;
  private HistoryService history;
  private IdentityService identity;
  private String caseInstance;
  private String caseDeployment;

  @BeforeEach
  void startCase(ProcessEngine engine) throws IOException {
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    history = engine.getHistoryService();
    identity = engine.getIdentityService();
    Organisation organisation = OrganisationTestData.demo();
    Mocks.register("reassignTask", new ReassignTask(new Reassigners(organisation), organisation,
        new Notifier(List.of(sent::add), identity)));
    RepositoryService repository = engine.getRepositoryService();
    // A case with the quick team's task, two offline-control tasks of one name, and a finished one.
    caseDeployment = repository.createDeployment().addModelInstance("reassignment-case.bpmn", Bpmn.createExecutableProcess("reassignment-case")
        .camundaHistoryTimeToLive(1).startEvent().parallelGateway("Gateway_Fork")
        .userTask("Task_HandleQuickCase").name("办理快执案件").camundaCandidateGroups("quick-team").camundaAssignee("dingyi")
        .endEvent()
        .moveToNode("Gateway_Fork").userTask("Task_ControlItemOne").name("线下查控财产").camundaCandidateGroups("intensive-affairs")
        .endEvent()
        .moveToNode("Gateway_Fork").userTask("Task_ControlItemTwo").name("线下查控财产").camundaCandidateGroups("intensive-affairs")
        .endEvent()
        .moveToNode("Gateway_Fork").userTask("Task_VerifyFilingData").name("核对立案信息").camundaCandidateGroups("intake")
        .endEvent().done()).deploy().getId();
    caseInstance = runtime.startProcessInstanceByKey("reassignment-case", CASE).getId();
  }

  @AfterEach
  void reset(ProcessEngine engine) {
    Mocks.reset();
    identity.clearAuthentication();
    engine.getRepositoryService().deleteDeployment(caseDeployment, true);
  }

  @Test
  void aBureauLeaderMovesTheTaskAndTheReasonIsOnTheTaskAndTheCase() {
    Task task = task("Task_HandleQuickCase");

    reassign(LEADER, Map.of("taskToReassign", "办理快执案件", "newAssignee", "程鑫锋", "reassignReason", "丁一病假两周"));

    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("chengxinfeng");
    List<Comment> comments = tasks.getTaskComments(task.getId());
    assertThat(comments).singleElement().satisfies(comment -> {
      assertThat(comment.getUserId()).isEqualTo(LEADER);
      assertThat(comment.getFullMessage()).isEqualTo("【改派】由丁一改派给程鑫锋。理由：丁一病假两周");
    });
    // The engine's own log of the assignment names the leader (Tasklist shows it beside the comment).
    assertThat(history.createUserOperationLogQuery().taskId(task.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_ASSIGN).list()).singleElement().satisfies(entry -> {
          assertThat(entry.getUserId()).isEqualTo(LEADER);
          assertThat(entry.getOrgValue()).isEqualTo("dingyi");
          assertThat(entry.getNewValue()).isEqualTo("chengxinfeng");
        });
    SpinJsonNode log = (SpinJsonNode) runtime.getVariable(caseInstance, ReassignTask.CASE_LOG);
    assertThat(log.elements()).singleElement().satisfies(entry -> {
      assertThat(entry.prop("task").stringValue()).isEqualTo("办理快执案件");
      assertThat(entry.prop("taskId").stringValue()).isEqualTo(task.getId());
      assertThat(entry.prop("from").stringValue()).isEqualTo("丁一");
      assertThat(entry.prop("to").stringValue()).isEqualTo("程鑫锋");
      assertThat(entry.prop("reason").stringValue()).isEqualTo("丁一病假两周");
      assertThat(entry.prop("by").stringValue()).isEqualTo("局长（演示）");
    });
    assertThat(sent).extracting(Notification::recipient).containsExactly("chengxinfeng", "dingyi");
    assertThat(sent.get(0).body()).isEqualTo("局长（演示）将案件 " + CASE + " 的任务「办理快执案件」由丁一改派给程鑫锋。理由：丁一病假两周");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(Reassigners.PROCESS_KEY)
        .processInstanceBusinessKey(CASE).finished().count()).isOne();

    // A second reassignment, of a group's unclaimed task named by its id, adds to the case's log.
    Task second = task("Task_ControlItemTwo");
    reassign("chenyanling", Map.of("taskToReassign", second.getId(), "newAssignee", "zhoujinxi", "reassignReason", "熟悉该车辆"));
    assertThat(tasks.createTaskQuery().taskId(second.getId()).singleResult().getAssignee()).isEqualTo("zhoujinxi");
    assertThat(tasks.createTaskQuery().taskId(task("Task_ControlItemOne").getId()).singleResult().getAssignee()).isNull();
    SpinJsonNode both = (SpinJsonNode) runtime.getVariable(caseInstance, ReassignTask.CASE_LOG);
    assertThat(both.elements()).extracting(entry -> entry.prop("to").stringValue()).containsExactly("程鑫锋", "周锦希");
    assertThat(both.elements().get(1).prop("from").stringValue()).isEmpty();
  }

  @Test
  void theNewAssigneeMustBelongToTheTasksGroup() {
    assertRefused(LEADER, "办理快执案件", "李林霞", "「李林霞」不是任务「办理快执案件」所属组（快执团队）的成员，新办理人须为其中之一："
        + "杨国平、程鑫锋、丁一、郑耀轩。");
    assertRefused(LEADER, "办理快执案件", "nobody", "「nobody」不是任务「办理快执案件」所属组（快执团队）的成员");
    assertRefused(LEADER, "办理快执案件", "dingyi", "丁一已是任务「办理快执案件」的办理人。");
  }

  @Test
  void aClosedTaskIsNotReassigned() {
    Task done = task("Task_VerifyFilingData");
    tasks.complete(done.getId());

    assertRefused(LEADER, "核对立案信息", "lilinxia", "案件 " + CASE + " 的任务「核对立案信息」已办结，不能改派。");
    assertRefused(LEADER, done.getId(), "lilinxia", "的任务「" + done.getId() + "」已办结，不能改派。");
  }

  @Test
  void onlyABureauLeaderReassignsAndOnlyATaskTheCaseHas() {
    assertRefused("yangguoping", "办理快执案件", "程鑫锋", "只有执行局领导可以改派任务。");
    assertRefused(null, "办理快执案件", "程鑫锋", "只有执行局领导可以改派任务。");
    assertRefused(LEADER, "线下查控财产", "周锦希", "有 2 项在办的「线下查控财产」任务，请在「任务」中改填要改派的那一项的编号：");
    assertRefused(LEADER, "拍卖", "周锦希", "没有在办的「拍卖」任务。在办任务：办理快执案件、线下查控财产、核对立案信息。");
    assertRefused(LEADER, "办理快执案件", "程鑫锋", "（2026）豫0105执7999号", "案件 （2026）豫0105执7999号 没有在办的任务（请核对案号）。");
  }

  private void reassign(String user, Map<String, Object> form) {
    reassign(user, CASE, form);
  }

  private void reassign(String user, String caseNumber, Map<String, Object> form) {
    if (user != null) {
      identity.setAuthentication(user, List.of("bureau-leaders"));
    }
    try {
      Map<String, Object> variables = new HashMap<>(form);
      variables.put("caseNumber", caseNumber);
      runtime.startProcessInstanceByKey(Reassigners.PROCESS_KEY, variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  private void assertRefused(String user, String task, String newAssignee, String message) {
    assertRefused(user, task, newAssignee, CASE, message);
  }

  private void assertRefused(String user, String task, String newAssignee, String caseNumber, String message) {
    List<String> before = tasks.createTaskQuery().processInstanceBusinessKey(CASE).list().stream()
        .map(t -> t.getId() + "=" + t.getAssignee()).toList();
    assertThatThrownBy(() -> reassign(user, caseNumber,
        Map.of("taskToReassign", task, "newAssignee", newAssignee, "reassignReason", "理由")))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining(message);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(CASE).list().stream()
        .map(t -> t.getId() + "=" + t.getAssignee()).toList()).as("nothing moved").isEqualTo(before);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(Reassigners.PROCESS_KEY).count())
        .as("nothing started").isZero();
    assertThat(sent).isEmpty();
  }

  private Task task(String key) {
    return tasks.createTaskQuery().processInstanceId(caseInstance).taskDefinitionKey(key).singleResult();
  }
}
