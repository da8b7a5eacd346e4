package cn.court.enforcement.casepage;

import cn.court.enforcement.calendar.CalendarProperties;
import cn.court.enforcement.calendar.CaseClock;
import cn.court.enforcement.calendar.CaseTerm;
import cn.court.enforcement.calendar.Deadlines;
import cn.court.enforcement.casefile.CaseFiling;
import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.CaseRegistry.CaseParty;
import cn.court.enforcement.casepage.CaseAccess.ReadableCase;
import cn.court.enforcement.circulation.CirculationRegister;
import cn.court.enforcement.dossier.DossierRegister;
import cn.court.enforcement.funds.CaseMoneyBalance;
import cn.court.enforcement.funds.CaseMoneyLedger;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.termination.CaseRecords;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * One page per case (issue 16 §2), gathered from the beans that keep each part: the filing and its
 * parties ({@code casefile/}), every process of the case with its open tasks (the engine), the
 * case clock ({@code calendar/CaseClock}), measures and property items per respondent, the money
 * ({@code funds/}), the circulation register, the dossier catalogue and the decisions the case's
 * decision tables took, each with the table version that took it. Codes are given in Chinese
 * ({@link CodeLabels}), people and units by name, times in the court's time zone. Read only after
 * {@link CaseAccess} let the caller see the case: the look-ups themselves run without the engine's
 * authorization checks, so a team member also sees the tasks of the case's other units.
 */
@Component
public class CasePage {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  public record View(String caseNumber, Filing filing, List<Party> parties, List<Process> processes, Clock clock,
      List<RespondentMeasures> measures, List<Property> propertyItems, Money money, List<HandOver> circulation,
      List<Document> dossier, List<Decision> decisions) {}

  public record Filing(LocalDate filingDate, String caseKind, boolean nonLitigation, BigDecimal amountClaimed,
      String basisDocumentNumber, String basisCourt, String basisType, String propertyClues, String handler,
      String handlerTeam) {}

  public record Party(String role, String kind, String name, String idType, String idNumber, String phone,
      String address, String legalRepresentative) {}

  /** {@code cockpit}: the instance in Cockpit (runtime view), for a running instance only. */
  public record Process(String processInstanceId, String processKey, String name, boolean running, String started,
      String ended, String cockpit, List<OpenTask> tasks) {}

  public record OpenTask(String name, List<String> groups, String assignee, String created, String due, boolean overdue) {}

  /** The statutory term as of today: its last day, the days not counted, each pause and extension. */
  public record Clock(LocalDate filingDate, int months, int extensionMonths, LocalDate deadline, long pausedDays,
      List<Pause> pauses, List<Extension> extensions) {}

  public record Pause(String reason, LocalDate start, LocalDate end, String startedBy, String endedBy) {}

  public record Extension(int months, String approvedAt) {}

  /** The measures about one respondent ({@code respondent} null: about the whole case). */
  public record RespondentMeasures(String respondent, List<Measure> measures) {}

  public record Measure(String kind, LocalDate performedOn, String summary) {}

  public record Property(String respondent, String kind, String holderInstitution, BigDecimal value,
      boolean controlled, boolean needsOfflineAction, String offlineMeasure, String remarks) {}

  public record Money(BigDecimal arrived, BigDecimal costs, BigDecimal paid, BigDecimal pending, BigDecimal outstanding) {}

  public record HandOver(String kind, String registerNumber, String handedAt, String fromUnit, String fromPerson,
      String toUnit, String toPerson, String step) {}

  public record Document(String documentType, String name, int pages, String scannedAt, String scannedBy) {}

  /**
   * A decision a decision table took on the case (issue 17 §4): the table's name, key and version
   * (null once its deployment was deleted), when, in which process, the result and the rule that matched.
   */
  public record Decision(String name, String key, Integer version, String decidedAt, String process, String result,
      String rule) {}

  private final CaseAccess access;
  private final ProcessEngine engine;
  private final CaseRegistry registry;
  private final CaseFileRows rows;
  private final CaseRecords records;
  private final CaseClock caseClock;
  private final Deadlines deadlines;
  private final CaseMoneyLedger money;
  private final CirculationRegister circulation;
  private final DossierRegister dossier;
  private final Organisation organisation;
  private final CodeLabels labels;
  private final ZoneId zone;

  public CasePage(CaseAccess access, ProcessEngine engine, CaseRegistry registry, CaseFileRows rows,
      CaseRecords records, CaseClock caseClock, Deadlines deadlines, CaseMoneyLedger money,
      CirculationRegister circulation, DossierRegister dossier, Organisation organisation, CodeLabels labels,
      CalendarProperties calendar) {
    this.access = access;
    this.engine = engine;
    this.registry = registry;
    this.rows = rows;
    this.records = records;
    this.caseClock = caseClock;
    this.deadlines = deadlines;
    this.money = money;
    this.circulation = circulation;
    this.dossier = dossier;
    this.organisation = organisation;
    this.labels = labels;
    this.zone = calendar.zone();
  }

  public View of(ReadableCase readable) {
    String number = readable.caseNumber();
    List<CaseParty> parties = registry.parties(number);
    Map<Long, String> respondents = parties.stream().filter(party -> CaseFiling.RESPONDENT.equals(party.party().role()))
        .collect(Collectors.toMap(CaseParty::id, party -> party.party().name(), (a, b) -> a, LinkedHashMap::new));
    CaseMoneyBalance balance = money.balance(number);
    return new View(number, rows.filing(number).map(this::filing).orElse(null),
        parties.stream().map(party -> party(party.party())).toList(),
        access.withoutAuthorization(() -> processes(readable)),
        rows.hasClock(number) ? clock(number) : null,
        measures(number, respondents),
        registry.propertyItems(number).stream().map(item -> new Property(respondents.get(item.respondentId()),
            labels.propertyKind(item.kind()), item.holderInstitution(), item.value(), item.controlled(),
            item.needsOfflineAction(), labels.offlineMeasure(item.offlineMeasure()), item.remarks())).toList(),
        new Money(balance.arrived(), balance.costs(), balance.paid(), balance.pending(), balance.outstanding()),
        circulation.ofCase(number).stream().map(e -> new HandOver(
            "registration".equals(e.kind()) ? "登记" : "移交", e.registerNumber(), minutes(e.handedAt()),
            unit(e.fromUnit()), person(e.fromPerson()), unit(e.toUnit()), person(e.toPerson()), e.stepName())).toList(),
        dossier.catalogueOf(number).stream().map(d -> new Document(d.documentType(), d.name(), d.pages(),
            MINUTES.format(d.scannedAt()), person(d.scannedBy()))).toList(),
        access.withoutAuthorization(() -> decisions(readable)));
  }

  private Filing filing(CaseFileRows.Filing f) {
    return new Filing(f.filingDate(), labels.caseKind(f.caseKind()), f.nonLitigation(), f.amountClaimed(),
        f.basisDocumentNumber(), f.basisCourt(), labels.basisType(f.basisType()), f.propertyClues(),
        person(f.handler()), unit(f.handlerTeam()));
  }

  private Party party(CaseFiling.Party p) {
    return new Party(labels.party(p.role()), labels.party(p.kind()), p.name(), labels.party(p.idType()), p.idNumber(),
        p.phone(), p.address(), p.legalRepresentative());
  }

  /** Every instance of the case, each running one with its open tasks (oldest first). */
  private List<Process> processes(ReadableCase readable) {
    Map<String, List<Task>> open = engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(readable.caseNumber()).orderByTaskCreateTime().asc().list().stream()
        .collect(Collectors.groupingBy(Task::getProcessInstanceId));
    Date now = ClockUtil.getCurrentTime();
    List<Process> processes = new ArrayList<>();
    for (HistoricProcessInstance instance : readable.instances()) {
      boolean running = instance.getEndTime() == null;
      List<OpenTask> tasks = open.getOrDefault(instance.getId(), List.of()).stream().map(task -> new OpenTask(
          task.getName(), candidateGroups(task), person(task.getAssignee()), minutes(task.getCreateTime()),
          minutes(task.getDueDate()), task.getDueDate() != null && task.getDueDate().before(now))).toList();
      processes.add(new Process(instance.getId(), instance.getProcessDefinitionKey(),
          Objects.requireNonNullElse(instance.getProcessDefinitionName(), instance.getProcessDefinitionKey()), running,
          minutes(instance.getStartTime()), minutes(instance.getEndTime()),
          running ? "/camunda/app/cockpit/default/#/process-instance/" + instance.getId() + "/runtime" : null, tasks));
    }
    return processes;
  }

  /**
   * Every decision evaluated in the case's instances, oldest first, from the history (level
   * {@code court} keeps decisions): never evaluated again, so a case decided by an older table
   * version keeps that version's result.
   */
  private List<Decision> decisions(ReadableCase readable) {
    record Decided(HistoricProcessInstance instance, HistoricDecisionInstance decision) {}
    Map<String, DecisionTable> tables = new HashMap<>();
    return readable.instances().stream()
        .flatMap(instance -> engine.getHistoryService().createHistoricDecisionInstanceQuery()
            .processInstanceId(instance.getId()).includeOutputs().list().stream().map(d -> new Decided(instance, d)))
        .sorted(Comparator.comparing(decided -> decided.decision().getEvaluationTime()))
        .map(decided -> {
          HistoricDecisionInstance decision = decided.decision();
          DecisionTable table = tables.computeIfAbsent(decision.getDecisionDefinitionId(), this::table);
          List<HistoricDecisionOutputInstance> outputs = decision.getOutputs();
          return new Decision(decision.getDecisionDefinitionName(), decision.getDecisionDefinitionKey(), table.version(),
              minutes(decision.getEvaluationTime()), Objects.requireNonNullElse(
                  decided.instance().getProcessDefinitionName(), decided.instance().getProcessDefinitionKey()),
              outputs.stream().map(output -> output.getClauseName() + "："
                  + labels.decisionOutput(output.getVariableName(), output.getValue())).distinct()
                  .collect(Collectors.joining("；")),
              outputs.stream().map(output -> table.rules().get(output.getRuleId())).filter(Objects::nonNull).distinct()
                  .collect(Collectors.joining("；")));
        }).toList();
  }

  /** A deployed table version: its number and the description of each rule, by rule id. */
  private record DecisionTable(Integer version, Map<String, String> rules) {}

  private DecisionTable table(String definitionId) {
    RepositoryService repository = engine.getRepositoryService();
    DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionId(definitionId)
        .singleResult();
    if (definition == null) {
      return new DecisionTable(null, Map.of());
    }
    Map<String, String> rules = new HashMap<>();
    repository.getDmnModelInstance(definitionId).getModelElementsByType(Rule.class).stream()
        .filter(rule -> rule.getDescription() != null)
        .forEach(rule -> rules.put(rule.getId(), rule.getDescription().getTextContent().strip()));
    return new DecisionTable(definition.getVersion(), rules);
  }

  private List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).map(this::unit).toList();
  }

  private Clock clock(String number) {
    CaseClock.State state = caseClock.state(number);
    CaseTerm term = state.term();
    LocalDate today = deadlines.today();
    return new Clock(term.filingDate(), term.months(), term.extensionMonths(), term.deadline(deadlines.calendar(), today),
        term.pausedDays(today), state.pauses().stream().map(p -> new Pause(p.reason().label(), p.start(), p.end(),
            p.startedBy(), p.endedBy())).toList(),
        rows.extensions(number).stream().map(e -> new Extension(e.months(), MINUTES.format(e.approvedAt()))).toList());
  }

  /** Per respondent in filing order, then the measures about the whole case. */
  private List<RespondentMeasures> measures(String number, Map<Long, String> respondents) {
    Map<Long, List<Measure>> byParty = records.measures(number).stream().collect(Collectors.groupingBy(
        m -> m.partyId() == null ? 0L : m.partyId(), LinkedHashMap::new,
        Collectors.mapping(m -> new Measure(labels.measure(m.measure()), m.performedOn(), m.summary()), Collectors.toList())));
    List<RespondentMeasures> grouped = new ArrayList<>();
    respondents.forEach((id, name) -> {
      if (byParty.containsKey(id)) {
        grouped.add(new RespondentMeasures(name, byParty.get(id)));
      }
    });
    if (byParty.containsKey(0L)) {
      grouped.add(new RespondentMeasures(null, byParty.get(0L)));
    }
    return grouped;
  }

  private String unit(String id) {
    return name(id, unit -> organisation.unit(unit).map(Organisation.Unit::name).orElse(null));
  }

  private String person(String id) {
    return name(id, user -> organisation.person(user).map(Organisation.Staff::name).orElse(null));
  }

  /** The organisation's name for an id, the id itself for someone no longer in the file. */
  private static String name(String id, Function<String, String> lookUp) {
    return id == null ? null : Objects.requireNonNullElse(lookUp.apply(id), id);
  }

  private String minutes(Date instant) {
    return instant == null ? null : MINUTES.format(LocalDateTime.ofInstant(instant.toInstant(), zone));
  }
}
