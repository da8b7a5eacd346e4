package cn.court.enforcement.dashboard;

import cn.court.enforcement.allocation.AllocationDrawRepository;
import cn.court.enforcement.allocation.AllocationProperties;
import cn.court.enforcement.allocation.Candidates;
import cn.court.enforcement.allocation.DrawRecord;
import cn.court.enforcement.calendar.Deadlines;
import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.CheckClosure;
import cn.court.enforcement.escalation.EscalationLadder;
import cn.court.enforcement.escalation.EscalationSweep;
import cn.court.enforcement.funds.CaseMoneyBalance;
import cn.court.enforcement.funds.CaseMoneyLedger;
import cn.court.enforcement.organisation.Organisation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * The supervision page's figures computed a second way — through the engine's query API and the
 * project's repositories, never the page's SQL — for the tests to compare with what the page shows.
 * Built from the test's application context (not a bean: the application scans test classes too).
 * Keys are what a person reads in the page: team, stage and person names, months yyyy-MM.
 */
final class DatabaseFigures {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final CaseRegistry registry;
  private final AllocationDrawRepository draws;
  private final AllocationProperties allocation;
  private final CaseMoneyLedger ledger;
  private final Organisation organisation;
  private final Deadlines deadlines;
  private final EscalationLadder ladder;
  private final EscalationSweep sweep;

  DatabaseFigures(ApplicationContext context) {
    this.runtime = context.getBean(RuntimeService.class);
    this.tasks = context.getBean(TaskService.class);
    this.history = context.getBean(HistoryService.class);
    this.registry = context.getBean(CaseRegistry.class);
    this.draws = context.getBean(AllocationDrawRepository.class);
    this.allocation = context.getBean(AllocationProperties.class);
    this.ledger = context.getBean(CaseMoneyLedger.class);
    this.organisation = context.getBean(Organisation.class);
    this.deadlines = context.getBean(Deadlines.class);
    this.ladder = context.getBean(EscalationLadder.class);
    this.sweep = context.getBean(EscalationSweep.class);
  }

  /**
   * Makes the team task of a case with a handler overdue (its due date {@code daysLate} days ago) and
   * runs the escalation sweep, which writes it into the overdue-node table; returns the case number.
   */
  String makeOverdue(int daysLate) {
    Task task = tasks.createTaskQuery().processDefinitionKey(SupervisionFigures.MAIN_PROCESS).active().list().stream()
        .filter(t -> caseNumber(t.getProcessInstanceId()).flatMap(registry::handler).isPresent())
        .findFirst().orElseThrow();
    task.setDueDate(deadlines.endOf(deadlines.today().minusDays(daysLate)));
    tasks.saveTask(task);
    sweep.sweep();
    return caseNumber(task.getProcessInstanceId()).orElseThrow();
  }

  /** Case numbers of the open cases: the main instance runs and has not passed the closure end event. */
  List<ProcessInstance> openCases() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(SupervisionFigures.MAIN_PROCESS).list().stream()
        .filter(p -> registry.exists(p.getBusinessKey()))
        .filter(p -> history.createHistoricActivityInstanceQuery().processInstanceId(p.getId())
            .activityId(SupervisionFigures.CASE_CLOSED).count() == 0)
        .toList();
  }

  /** "team name|stage" → open cases; a case with two open tasks counts under both. */
  Map<String, Long> openCasesPerTeamAndStage() {
    Map<String, Long> counts = new TreeMap<>();
    for (ProcessInstance instance : openCases()) {
      String team = teamName(team(instance.getBusinessKey()));
      Set<String> stages = tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
          .map(Task::getName).collect(Collectors.toSet());
      if (stages.isEmpty()) {
        stages = Set.of("子流程办理中或等待中");
      }
      stages.forEach(stage -> counts.merge(team + "|" + stage, 1L, Long::sum));
    }
    return counts;
  }

  /** Open cases per team, each once. */
  Map<String, Long> openCasesPerTeam() {
    return openCases().stream().collect(Collectors.groupingBy(p -> teamName(team(p.getBusinessKey())), TreeMap::new,
        Collectors.counting()));
  }

  /** "handler name|team name" → open cases. */
  Map<String, Long> casesPerHandler() {
    return openCases().stream().map(p -> registry.handler(p.getBusinessKey())).flatMap(Optional::stream)
        .collect(Collectors.groupingBy(h -> personName(h.handler()) + "|" + teamName(h.team()), TreeMap::new,
            Collectors.counting()));
  }

  /** "case number|node" of every open task past its due date (the escalation ladder's overdue stage). */
  Set<String> overdueNow() {
    Date now = ClockUtil.getCurrentTime();
    return tasks.createTaskQuery().dueBefore(now).list().stream()
        .filter(t -> ladder.stageAt(t.getDueDate(), now).compareTo(EscalationLadder.Stage.OVERDUE) >= 0)
        .map(t -> caseNumber(t.getProcessInstanceId()).orElse(null) + "|" + t.getName())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** "yyyy-MM|kind name" → closures registered in the last {@code months} months (the endpoint's default 12). */
  Map<String, Long> closureKinds(int months) {
    LocalDate from = deadlines.today().withDayOfMonth(1).minusMonths(months - 1L);
    Map<String, Long> counts = new TreeMap<>();
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
        .processDefinitionKey(SupervisionFigures.MAIN_PROCESS).taskDefinitionKey(SupervisionFigures.REGISTER_CLOSURE)
        .finished().list()) {
      LocalDate day = deadlines.dayOf(task.getEndTime());
      if ("completed".equals(task.getDeleteReason()) && !day.isBefore(from)) {
        HistoricVariableInstance kind = history.createHistoricVariableInstanceQuery()
            .processInstanceId(task.getProcessInstanceId()).variableName("closureKind").singleResult();
        String name = kind == null ? "未登记" : CheckClosure.KINDS.get((String) kind.getValue());
        counts.merge(day.toString().substring(0, 7) + "|" + name, 1L, Long::sum);
      }
    }
    return counts;
  }

  /** All case money, summed over every case's ledger balance. */
  CaseMoneyBalance money() {
    CaseMoneyBalance total = new CaseMoneyBalance(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    for (String caseNumber : allCaseNumbers()) {
      CaseMoneyBalance b = ledger.balance(caseNumber);
      total = new CaseMoneyBalance(total.arrived().add(b.arrived()), total.costs().add(b.costs()),
          total.paid().add(b.paid()), total.pending().add(b.pending()));
    }
    return total;
  }

  /**
   * "case number|arrival day" → unpaid yuan of each arrival not fully paid out more than 30 days after it
   * arrived (《最高人民法院关于执行款物管理工作的规定》第十一条; time-limits.yml {@code money-payout}).
   */
  Map<String, String> latePayouts() {
    LocalDate today = deadlines.today();
    Map<String, String> late = new TreeMap<>();
    for (String caseNumber : allCaseNumbers()) {
      List<CaseMoneyLedger.Payout> payouts = ledger.payouts(caseNumber);
      for (CaseMoneyLedger.Arrival arrival : ledger.arrivals(caseNumber)) {
        BigDecimal unpaid = arrival.amount().subtract(arrival.costs()).subtract(payouts.stream()
            .filter(p -> p.arrivalId() == arrival.id() && "paid".equals(p.status()))
            .map(CaseMoneyLedger.Payout::share).reduce(BigDecimal.ZERO, BigDecimal::add));
        if (today.isAfter(arrival.arrivedOn().plusDays(30)) && unpaid.signum() > 0) {
          late.put(caseNumber + "|" + arrival.arrivedOn(), unpaid.setScale(2).toPlainString());
        }
      }
    }
    return late;
  }

  /** Ordinary team name → cases it drew among the draws where every team of the pool took part. */
  Map<String, Long> fullPoolDraws() {
    Map<String, Long> counts = new TreeMap<>();
    allocation.pool().forEach(team -> counts.put(teamName(team), 0L));
    allCaseNumbers().stream().map(draws::findByCaseNumber).flatMap(Optional::stream)
        .filter(d -> Candidates.parseEligible(d.candidates()).equals(allocation.pool()))
        .map(DrawRecord::chosenTeam).forEach(team -> counts.merge(teamName(team), 1L, Long::sum));
    return counts;
  }

  private Set<String> allCaseNumbers() {
    return history.createHistoricProcessInstanceQuery().list().stream().map(HistoricProcessInstance::getBusinessKey)
        .filter(key -> key != null && registry.exists(key)).collect(Collectors.toSet());
  }

  /** The handler's team once named, else the team the draw chose. */
  private String team(String caseNumber) {
    return registry.handler(caseNumber).map(CaseRegistry.CaseHandler::team)
        .or(() -> draws.findByCaseNumber(caseNumber).map(DrawRecord::chosenTeam)).orElse(null);
  }

  private Optional<String> caseNumber(String processInstanceId) {
    return Optional.ofNullable(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult())
        .map(ProcessInstance::getBusinessKey);
  }

  String teamName(String id) {
    return id == null ? SupervisionFigures.NO_TEAM : organisation.unit(id).map(Organisation.Unit::name).orElse(id);
  }

  String personName(String id) {
    return organisation.person(id).map(Organisation.Staff::name).orElse(id);
  }
}
