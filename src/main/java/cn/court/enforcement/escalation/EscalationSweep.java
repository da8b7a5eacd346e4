package cn.court.enforcement.escalation;

import cn.court.enforcement.calendar.CalendarProperties;
import cn.court.enforcement.calendar.Deadlines;
import cn.court.enforcement.calendar.TimeLimitParseListener;
import cn.court.enforcement.escalation.EscalationLadder.Stage;
import cn.court.enforcement.escalation.NodeDeadlines.Node;
import cn.court.enforcement.organisation.Leaders;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Service task of the {@code escalation-sweep} process, the one periodic check for the whole
 * court: pages through the open tasks of every process by due date and performs each escalation
 * stage once per task — reminder to the assignee (or the candidates), overdue to the group's
 * leader and into the overdue-node table, badly overdue to the bureau leaders.
 *
 * <p>Safe to run twice or on two nodes at once: a stage is claimed in {@code court_node_deadline}
 * by a conditional update, in the same transaction as its notifications (one per task).
 */
@Component("escalationSweep")
public class EscalationSweep implements JavaDelegate {

  /** What one sweep did. */
  public record Result(int pages, int tasksDue, int stagesSent) {}

  private static final Logger log = LoggerFactory.getLogger(EscalationSweep.class);
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final ManagementService management;
  private final EscalationLadder ladder;
  private final NodeDeadlines nodes;
  private final Notifier notifier;
  private final Leaders leaders;
  private final Deadlines deadlines;
  private final EscalationProperties properties;
  private final ZoneId zone;
  private final TransactionTemplate perTask;

  public EscalationSweep(TaskService tasks, RuntimeService runtime, RepositoryService repository,
      ManagementService management, EscalationLadder ladder, NodeDeadlines nodes, Notifier notifier, Leaders leaders,
      Deadlines deadlines, EscalationProperties properties, CalendarProperties calendar,
      PlatformTransactionManager transactions) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.management = management;
    this.ladder = ladder;
    this.nodes = nodes;
    this.notifier = notifier;
    this.leaders = leaders;
    this.deadlines = deadlines;
    this.properties = properties;
    this.zone = calendar.zone();
    this.perTask = new TransactionTemplate(transactions);
    // each task's claims and notifications commit on their own, not with the (long) sweep job
    this.perTask.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The sweep's timer cycle, for {@code <timeCycle>${escalationSweep.cycle}</timeCycle>}. */
  public String getCycle() {
    return properties.sweepCycle();
  }

  @Override
  public void execute(DelegateExecution execution) {
    Result result = sweep();
    log.info("Escalation sweep: {} tasks due or near due in {} pages, {} stages notified", result.tasksDue(),
        result.pages(), result.stagesSent());
  }

  /** Escalates every open task whose reminder day has come, in pages ordered by due date and id. */
  public Result sweep() {
    Date now = ClockUtil.getCurrentTime();
    // the last due date whose reminder day has come: remindWorkingDaysBefore working days after today
    LocalDate lastRemindedDay = deadlines.calendar().plusWorkingDays(deadlines.today(), properties.remindWorkingDaysBefore());
    Date horizon = Date.from(lastRemindedDay.plusDays(1).atStartOfDay(zone).toInstant());
    String table = management.getTableName(Task.class);
    int pages = 0;
    int due = 0;
    int sent = 0;
    Task last = null;
    while (true) {
      List<Task> page = page(table, horizon, last);
      if (page.isEmpty()) {
        return new Result(pages, due, sent);
      }
      pages++;
      due += page.size();
      sent += escalate(page, now);
      last = page.get(page.size() - 1);
    }
  }

  /** Keyset paging on (due date, id): tasks completed meanwhile shift nothing, none is skipped or read twice. */
  private List<Task> page(String table, Date horizon, Task after) {
    NativeTaskQuery query = tasks.createNativeTaskQuery().sql("select * from " + table
            + " where DUE_DATE_ is not null and DUE_DATE_ < #{horizon}"
            + (after == null ? "" : " and (DUE_DATE_ > #{lastDue} or (DUE_DATE_ = #{lastDue} and ID_ > #{lastId}))")
            + " order by DUE_DATE_, ID_")
        .parameter("horizon", horizon);
    if (after != null) {
      query.parameter("lastDue", after.getDueDate()).parameter("lastId", after.getId());
    }
    return query.listPage(0, properties.sweepPageSize());
  }

  private int escalate(List<Task> page, Date now) {
    List<String> ids = page.stream().map(Task::getId).toList();
    Map<String, Node> recorded = nodes.recorded(ids);
    Map<String, String> caseNumbers = runtime.createProcessInstanceQuery()
        .processInstanceIds(page.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet())).list().stream()
        .filter(instance -> instance.getBusinessKey() != null)
        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    Map<String, ProcessDefinition> definitions = new HashMap<>();
    int sent = 0;
    for (Task task : page) {
      Stage stage = ladder.stageAt(task.getDueDate(), now);
      Node before = recorded.get(task.getId());
      if (stage != Stage.NONE && (pending(stage, before) || changed(task, before))) {
        ProcessDefinition definition = definitions.computeIfAbsent(task.getProcessDefinitionId(),
            repository::getProcessDefinition);
        sent += escalate(task, stage, before, caseNumbers.get(task.getProcessInstanceId()), definition, now);
      }
    }
    return sent;
  }

  /**
   * The limit the task is held to, from its diagram; of several, the one that set its due date
   * (reading the start points, e.g. {@code filingDate}, only then).
   */
  private String limitOf(Task task, ProcessDefinition definition) {
    List<String> names = TimeLimitParseListener.limitsOf(definition, task.getTaskDefinitionKey());
    if (names.size() < 2) {
      return names.isEmpty() ? null : names.get(0);
    }
    try {
      return deadlines.earliest(names, deadlines.dayOf(task.getCreateTime()),
          variable -> runtime.getVariable(task.getExecutionId(), variable)).limit().name();
    } catch (ProcessEngineException startPointGone) {
      // a start point removed since the task was created must not stop the court's sweep
      return names.get(0);
    }
  }

  private static boolean pending(Stage stage, Node recorded) {
    return recorded == null
        || stage == Stage.REMINDER && recorded.remindedAt() == null
        || stage.compareTo(Stage.OVERDUE) >= 0 && recorded.overdueAt() == null
        || stage == Stage.BADLY_OVERDUE && recorded.badlyOverdueAt() == null;
  }

  /** The overdue-node table shows who holds the node now and until when. */
  private static boolean changed(Task task, Node recorded) {
    return !Objects.equals(task.getAssignee(), recorded.assignee())
        || recorded.dueAt().getTime() != task.getDueDate().getTime();
  }

  /** What a task's escalation will say and to whom, gathered from the engine before its transaction. */
  private record Plan(Task task, Stage stage, Node node, String where, String due, Set<String> responsible,
      List<String> groupLeaders, Set<String> bureauLeaders) {}

  private int escalate(Task task, Stage stage, Node recorded, String caseNumber, ProcessDefinition definition, Date now) {
    List<IdentityLink> links = tasks.getIdentityLinksForTask(task.getId());
    List<String> groups = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
    Plan plan = new Plan(task, stage,
        new Node(task.getId(), task.getProcessInstanceId(), definition.getKey(), caseNumber, task.getName(),
            recorded == null ? limitOf(task, definition) : recorded.timeLimit(), groups.isEmpty() ? null : groups.get(0),
            task.getAssignee(), task.getDueDate(), null, null, null, null),
        (caseNumber == null ? "" : "案件 " + caseNumber + " 的") + "节点「" + task.getName() + "」",
        MINUTES.format(task.getDueDate().toInstant().atZone(zone)),
        stage == Stage.REMINDER ? responsible(task, links, groups) : Set.of(),
        stage.compareTo(Stage.OVERDUE) >= 0 ? groups.stream().map(leaders::leaderOf).flatMap(Optional::stream).toList()
            : List.of(),
        stage == Stage.BADLY_OVERDUE ? notifier.membersOf(List.of(properties.bureauLeadersGroup())) : Set.of());
    try {
      return perTask.execute(tx -> claimAndNotify(plan, now));
    } catch (DuplicateKeyException concurrentlyRecorded) {
      // another sweep recorded the node first; now it is there, and the claims decide who notifies
      return perTask.execute(tx -> claimAndNotify(plan, now));
    }
  }

  private int claimAndNotify(Plan plan, Date now) {
    Task task = plan.task();
    String caseNumber = plan.node().caseNumber();
    nodes.track(plan.node());
    int sent = 0;
    if (plan.stage() == Stage.REMINDER && nodes.claimReminder(task.getId(), now)) {
      notifier.toUsers(plan.responsible(), message(task, "REMINDER", "节点即将到期：" + task.getName(),
          plan.where() + "将于 " + plan.due() + " 到期，请及时办理。", caseNumber));
      sent++;
    }
    if (plan.stage().compareTo(Stage.OVERDUE) >= 0 && nodes.claimOverdue(task.getId(), now)) {
      if (plan.groupLeaders().isEmpty()) {
        log.warn("Overdue task {} ({}) has no candidate group with a leader to notify", task.getId(), task.getName());
      }
      notifier.toUsers(plan.groupLeaders(), message(task, "OVERDUE", "节点已超期：" + task.getName(),
          plan.where() + "已于 " + plan.due() + " 到期仍未办结，办理人："
              + (task.getAssignee() == null ? "未签收" : task.getAssignee()) + "。已计入超期节点统计表。", caseNumber));
      sent++;
    }
    if (plan.stage() == Stage.BADLY_OVERDUE && nodes.claimBadlyOverdue(task.getId(), now)) {
      notifier.toUsers(plan.bureauLeaders(), message(task, "BADLY_OVERDUE", "节点严重超期：" + task.getName(),
          plan.where() + "已于 " + plan.due() + " 到期，超期已逾 " + properties.badlyOverdueWorkingDays()
              + " 个工作日仍未办结，请督办。", caseNumber));
      sent++;
    }
    return sent;
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
}
