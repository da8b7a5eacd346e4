package cn.court.enforcement.escalation;

import cn.court.enforcement.calendar.CalendarProperties;
import cn.court.enforcement.calendar.TimeLimitParseListener;
import cn.court.enforcement.escalation.EscalationLadder.Stage;
import cn.court.enforcement.escalation.NodeDeadlines.Node;
import cn.court.enforcement.organisation.Leaders;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Service task of each process's "节点时限监控" event sub-process: checks the instance's open
 * tasks against their due dates and performs each escalation stage once — reminder to the
 * assignee (or the candidates), overdue to the group's leader and into the overdue-node
 * table, badly overdue to the bureau leaders.
 */
@Component("escalateOverdueNodes")
public class EscalateOverdueNodes implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(EscalateOverdueNodes.class);
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final TaskService tasks;
  private final RepositoryService repository;
  private final EscalationLadder ladder;
  private final NodeDeadlines nodes;
  private final Notifier notifier;
  private final Leaders leaders;
  private final EscalationProperties properties;
  private final ZoneId zone;

  public EscalateOverdueNodes(TaskService tasks, RepositoryService repository, EscalationLadder ladder, NodeDeadlines nodes, Notifier notifier,
      Leaders leaders, EscalationProperties properties, CalendarProperties calendar) {
    this.tasks = tasks;
    this.repository = repository;
    this.ladder = ladder;
    this.nodes = nodes;
    this.notifier = notifier;
    this.leaders = leaders;
    this.properties = properties;
    this.zone = calendar.zone();
  }

  /** The monitor's timer cycle, for {@code <timeCycle>${escalateOverdueNodes.checkCycle}</timeCycle>}. */
  public String getCheckCycle() {
    return properties.checkCycle();
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date now = ClockUtil.getCurrentTime();
    List<Task> open = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list();
    for (Task task : open) {
      if (task.getDueDate() == null) {
        continue;
      }
      Stage stage = ladder.stageAt(task.getDueDate(), now);
      if (stage != Stage.NONE) {
        escalate(task, stage, execution, now);
      }
    }
  }

  private void escalate(Task task, Stage stage, DelegateExecution execution, Date now) {
    List<IdentityLink> links = tasks.getIdentityLinksForTask(task.getId());
    List<String> groups = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    String caseNumber = execution.getProcessBusinessKey();
    track(task, groups, caseNumber);
    String node = (caseNumber == null ? "" : "案件 " + caseNumber + " 的") + "节点「" + task.getName() + "」";
    String due = format(task.getDueDate());
    if (stage == Stage.REMINDER && nodes.claimReminder(task.getId(), now)) {
      Notification message = message(task, "REMINDER", "节点即将到期：" + task.getName(),
          node + "将于 " + due + " 到期，请及时办理。", caseNumber);
      notifier.toUsers(responsible(task, links, groups), message);
    }
    if (stage.compareTo(Stage.OVERDUE) >= 0 && nodes.claimOverdue(task.getId(), now)) {
      List<String> groupLeaders = groups.stream().map(leaders::leaderOf).flatMap(Optional::stream).toList();
      if (groupLeaders.isEmpty()) {
        log.warn("Overdue task {} ({}) has no candidate group with a leader to notify", task.getId(), task.getName());
      }
      notifier.toUsers(groupLeaders, message(task, "OVERDUE", "节点已超期：" + task.getName(),
          node + "已于 " + due + " 到期仍未办结，办理人：" + (task.getAssignee() == null ? "未签收" : task.getAssignee())
              + "。已计入超期节点统计表。", caseNumber));
    }
    if (stage == Stage.BADLY_OVERDUE && nodes.claimBadlyOverdue(task.getId(), now)) {
      notifier.toGroups(List.of(properties.bureauLeadersGroup()), message(task, "BADLY_OVERDUE",
          "节点严重超期：" + task.getName(), node + "已于 " + due + " 到期，超期已逾 "
              + properties.badlyOverdueWorkingDays() + " 个工作日仍未办结，请督办。", caseNumber));
    }
  }

  private void track(Task task, List<String> groups, String caseNumber) {
    Object limit = tasks.getVariableLocal(task.getId(), TimeLimitParseListener.TIME_LIMIT_VARIABLE);
    String processKey = repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    nodes.track(new Node(task.getId(), task.getProcessInstanceId(), processKey, caseNumber, task.getName(),
        limit == null ? null : limit.toString(), groups.isEmpty() ? null : groups.get(0), task.getAssignee(),
        task.getDueDate(), null, null, null, null));
  }

  /** The assignee, or while nobody has claimed the task everyone who may claim it. */
  private Set<String> responsible(Task task, List<IdentityLink> links, List<String> groups) {
    if (task.getAssignee() != null) {
      return Set.of(task.getAssignee());
    }
    Set<String> users = new LinkedHashSet<>();
    links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null)
        .forEach(l -> users.add(l.getUserId()));
    users.addAll(notifier.membersOf(groups));
    return users;
  }

  private static Notification message(Task task, String kind, String title, String body, String caseNumber) {
    return new Notification(null, kind, title, body, caseNumber, task.getProcessInstanceId(), task.getId());
  }

  private String format(Date date) {
    return MINUTES.format(date.toInstant().atZone(zone));
  }
}
