package cn.court.enforcement.supervision;

import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.escalation.Notification;
import cn.court.enforcement.escalation.Notifier;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Staff;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Service task of {@code task-reassignment}: one of the {@link Reassigners} moves an open task of
 * a case (named by its name, or its id when the case has several of that name) to another member
 * of one of the task's candidate groups, with a reason (required by the start form). Anything
 * else is refused with a Chinese 400 and nothing is started. The reason is kept where
 * supervisors look: a comment on the task (Tasklist → 历史, beside the engine's own log of the
 * assignment, by the leader), an entry of {@value #CASE_LOG} on the case's process instance
 * (Cockpit, history), and in the notifications of the new and the previous assignee.
 */
@Component("reassignTask")
public class ReassignTask implements JavaDelegate {

  static final String TASK = "taskToReassign";
  static final String NEW_ASSIGNEE = "newAssignee";
  static final String REASON = "reassignReason";
  static final String PREVIOUS_ASSIGNEE = "previousAssignee";
  static final String TASK_ID = "reassignedTaskId";
  /** Json list on the top process instance of the task: every reassignment of the case, oldest first. */
  public static final String CASE_LOG = "taskReassignments";

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Reassigners reassigners;
  private final Organisation organisation;
  private final Notifier notifier;

  public ReassignTask(Reassigners reassigners, Organisation organisation, Notifier notifier) {
    this.reassigners = reassigners;
    this.organisation = organisation;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requester = (String) execution.getVariable("requester");
    if (!reassigners.include(requester)) {
      throw new InvalidCaseDataException("只有" + reassigners.names() + "可以改派任务。");
    }
    String caseNumber = text(execution, CaseVariables.CASE_NUMBER);
    execution.setProcessBusinessKey(caseNumber);
    execution.setVariable(CaseVariables.CASE_NUMBER, caseNumber);
    String reason = text(execution, REASON);
    ProcessEngineServices engine = execution.getProcessEngineServices();
    // Leaders read every task but may not assign one: the engine does it for them, as them.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      TaskService tasks = engine.getTaskService();
      Task task = openTask(engine, caseNumber, text(execution, TASK));
      Staff to = member(tasks, task, text(execution, NEW_ASSIGNEE));
      String from = task.getAssignee();
      if (to.id().equals(from)) {
        throw new InvalidCaseDataException(to.name() + "已是任务「" + task.getName() + "」的办理人。");
      }
      assignAsTheLeader(tasks, task, to);
      String summary = "由" + (from == null ? "本组待办" : name(from)) + "改派给" + to.name() + "。理由：" + reason;
      tasks.createComment(task.getId(), task.getProcessInstanceId(), "【改派】" + summary);
      record(engine.getRuntimeService(), task, from, to, reason, requester);
      execution.setVariable(TASK_ID, task.getId());
      execution.setVariable(PREVIOUS_ASSIGNEE, from);
      execution.setVariable(NEW_ASSIGNEE, to.id());
      List<String> told = from == null ? List.of(to.id()) : List.of(to.id(), from);
      notifier.toUsers(told, new Notification(null, "REASSIGNED", "任务「" + task.getName() + "」已改派",
          name(requester) + "将案件 " + caseNumber + " 的任务「" + task.getName() + "」" + summary, caseNumber,
          task.getProcessInstanceId(), task.getId()));
      return null;
    });
  }

  /**
   * The engine keeps no user-operation log of what a delegate does; this assignment is the
   * leader's own act, so it is logged as theirs (Tasklist's 历史 shows it beside the comment).
   */
  private static void assignAsTheLeader(TaskService tasks, Task task, Staff to) {
    CommandContext context = Context.getCommandContext();
    boolean logged = context.isUserOperationLogEnabled();
    context.enableUserOperationLog();
    try {
      tasks.setAssignee(task.getId(), to.id());
    } finally {
      context.setLogUserOperationEnabled(logged);
    }
  }

  /** The case's open task with this id, or its only open task with this name. */
  private Task openTask(ProcessEngineServices engine, String caseNumber, String wanted) {
    List<Task> open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
        .orderByTaskCreateTime().asc().list();
    List<Task> matching = open.stream().filter(task -> task.getId().equals(wanted)).toList();
    if (matching.isEmpty()) {
      matching = open.stream().filter(task -> wanted.equals(task.getName())).toList();
    }
    if (matching.size() == 1) {
      return matching.get(0);
    }
    if (matching.size() > 1) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 有 " + matching.size() + " 项在办的「" + wanted
          + "」任务，请在「任务」中改填要改派的那一项的编号："
          + String.join("；", matching.stream().map(task -> task.getId() + "（" + assigneeOf(task) + "）").toList()) + "。");
    }
    HistoryService history = engine.getHistoryService();
    if (history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber).finished().taskId(wanted).count()
        + history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber).finished().taskName(wanted).count()
        > 0) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 的任务「" + wanted + "」已办结，不能改派。");
    }
    if (open.isEmpty()) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 没有在办的任务（请核对案号）。");
    }
    throw new InvalidCaseDataException("案件 " + caseNumber + " 没有在办的「" + wanted + "」任务。在办任务："
        + String.join("、", open.stream().map(Task::getName).distinct().toList()) + "。");
  }

  /** The member of one of the task's candidate groups with this login or Chinese name. */
  private Staff member(TaskService tasks, Task task, String wanted) {
    List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).toList();
    List<Staff> members = organisation.staff().stream()
        .filter(person -> person.groups().stream().anyMatch(groups::contains)).toList();
    return members.stream().filter(person -> person.id().equals(wanted) || person.name().equals(wanted)).findFirst()
        .orElseThrow(() -> new InvalidCaseDataException("「" + wanted + "」不是任务「" + task.getName() + "」所属组（"
            + String.join("、", groups.stream().map(this::unitName).toList()) + "）的成员，新办理人须为其中之一："
            + String.join("、", members.stream().map(Staff::name).toList()) + "。"));
  }

  /** Appends the reassignment to the case's log, a Json variable Cockpit shows on the case. */
  private void record(RuntimeService runtime, Task task, String from, Staff to, String reason, String by) {
    String caseInstance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult().getRootProcessInstanceId();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("at", LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault()).format(MINUTES));
    entry.put("task", task.getName());
    entry.put("taskId", task.getId());
    entry.put("from", from == null ? "" : name(from));
    entry.put("to", to.name());
    entry.put("reason", reason);
    entry.put("by", name(by));
    List<Object> log = new ArrayList<>();
    if (runtime.getVariable(caseInstance, CASE_LOG) instanceof SpinJsonNode earlier) {
      log.addAll(earlier.mapTo(List.class));
    }
    log.add(entry);
    runtime.setVariable(caseInstance, CASE_LOG, Spin.JSON(log));
  }

  private String name(String login) {
    return organisation.person(login).map(Staff::name).orElse(login);
  }

  private String unitName(String group) {
    return organisation.unit(group).map(Organisation.Unit::name).orElse(group);
  }

  private String assigneeOf(Task task) {
    return task.getAssignee() == null ? "未认领" : "办理人 " + name(task.getAssignee());
  }

  /** Required by the start form (forms/FormRules): here only trimmed. */
  private static String text(DelegateExecution execution, String name) {
    return String.valueOf(execution.getVariable(name)).trim();
  }
}
