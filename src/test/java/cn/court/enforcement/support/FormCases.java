package cn.court.enforcement.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.calendar.CaseClock;
import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.FilingValidator;
import cn.court.enforcement.casefile.PartyVariables;
import cn.court.enforcement.demo.Step;
import cn.court.enforcement.organisation.Organisation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * Cases brought straight to the place a form is used, as {@code forms/examples} describes it:
 * the instance starts before the task with what it needs, earlier steps are completed through
 * the API, and the member of staff who acts there is named. Shared by every test that drives
 * each form of each deployed process.
 */
public final class FormCases {

  private static final AtomicInteger CASE_NUMBERS = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 800_000));

  /** A task reached for a form: its instance, the task, and who acts on it. */
  public record Reached(String processInstanceId, Task task, String user) {}

  private final ProcessEngine engine;
  private final Organisation organisation;
  private final FilingValidator filingValidator;
  private final CaseRegistry registry;
  private final CaseClock clock;

  public FormCases(ApplicationContext context) {
    this.engine = context.getBean(ProcessEngine.class);
    this.organisation = context.getBean(Organisation.class);
    this.filingValidator = context.getBean(FilingValidator.class);
    this.registry = context.getBean(CaseRegistry.class);
    this.clock = context.getBean(CaseClock.class);
  }

  public static String newCaseNumber() {
    return "（2026）豫0105执" + CASE_NUMBERS.incrementAndGet() + "号";
  }

  /** Opens a case at the task of {@code use} (a user task form) as its example says. */
  public Reached reachTask(FormUse use, FormExample.Use how, String caseNumber) {
    Map<String, Object> given = caseVariables(caseNumber, how);
    // The statutory clock runs from filing; tasks whose due date is the case's need it at creation.
    clock.register(caseNumber, LocalDate.now(), false);
    // A process beside a running case (a dossier hand-over) reads the case where it stands.
    String caseInstance = how.caseAt() == null ? null : caseAt(caseNumber, how);
    String processInstanceId = engine.getRuntimeService().createProcessInstanceByKey(use.process().getKey())
        .businessKey(caseNumber).setVariables(given)
        .startBeforeActivity(how.startBefore() != null ? how.startBefore() : use.activityId())
        .execute().getId();
    if (how.registerCase() && caseInstance == null) {
      registerCase(caseNumber, given, processInstanceId);
      // A respondent given to the task ("${respondent:1}") has its party id only once the case is filed.
      Map<String, Object> respondents = Step.withRespondents(given, respondentOptions(caseNumber));
      respondents.entrySet().removeIf(entry -> entry.getValue() == given.get(entry.getKey()));
      engine.getRuntimeService().setVariables(processInstanceId, respondents);
    }
    if (how.steps() != null) {
      for (FormExample.Step step : how.steps()) {
        runJobs(processInstanceId);
        Map<String, Object> variables = step.variables() == null ? Map.of() : step.variables();
        engine.getTaskService().complete(task(processInstanceId, step.task()).getId(), Step.withRespondents(
            FormExample.substitute(variables, caseNumber), respondentOptions(caseNumber)));
      }
    }
    runJobs(processInstanceId);
    Task task = task(processInstanceId, use.activityId());
    return new Reached(processInstanceId, task, how.user() != null ? how.user() : leader(candidateGroups(task.getId()).get(0)));
  }

  /** Prepares what a start form of {@code use} needs; returns who starts it. */
  public String prepareStart(FormUse use, FormExample.Use how, String caseNumber) {
    if (how.registerCase()) {
      clock.register(caseNumber, LocalDate.now(), false);
    }
    // A process about a running case (e.g. extending its term) needs the case where it stands.
    if (how.caseAt() != null) {
      caseAt(caseNumber, how);
    } else if (how.registerCase()) {
      registerCase(caseNumber, how.given(caseNumber), "none");
    }
    return how.user() != null ? how.user() : starter(use);
  }

  /** The case (enforcement-case, with given) standing before {@code caseAt}, filed when the use says so. */
  private String caseAt(String caseNumber, FormExample.Use how) {
    String caseInstance = engine.getRuntimeService().createProcessInstanceByKey(CaseVariables.PROCESS_KEY)
        .businessKey(caseNumber).setVariables(caseVariables(caseNumber, how)).startBeforeActivity(how.caseAt())
        .execute().getId();
    if (how.registerCase()) {
      registerCase(caseNumber, how.given(caseNumber), caseInstance);
    }
    return caseInstance;
  }

  /** What every case carries from its filing (filing date, kind, parties …), then the use's own. */
  private static Map<String, Object> caseVariables(String caseNumber, FormExample.Use how) {
    Map<String, Object> given = new HashMap<>(FormExample.of("case-filing").valid(caseNumber));
    given.putAll(how.given(caseNumber));
    given.put("caseNumber", caseNumber);
    // Groups (the parties) and lists travel as Json variables, as Tasklist sends them.
    given.replaceAll((key, value) -> value instanceof Map<?, ?> || value instanceof List<?> ? PartyVariables.json(value) : value);
    return given;
  }

  /** A leader of a unit the organisation lets start the process, else of a candidate starter group. */
  private String starter(FormUse use) {
    List<String> groups = new ArrayList<>();
    organisation.units().stream().filter(unit -> unit.starts().contains(use.process().getKey()))
        .forEach(unit -> groups.add(unit.id()));
    engine.getRepositoryService().getIdentityLinksForProcessDefinition(use.process().getId()).stream()
        .filter(link -> link.getGroupId() != null).map(IdentityLink::getGroupId).sorted().forEach(groups::add);
    assertThat(groups).as("who may start " + use.process().getKey()).isNotEmpty();
    return leader(groups.get(0));
  }

  public Task task(String processInstanceId, String taskKey) {
    List<Task> found = engine.getTaskService().createTaskQuery()
        .processInstanceIdIn(tree(processInstanceId).toArray(String[]::new)).taskDefinitionKey(taskKey).list();
    assertThat(found).as("task " + taskKey + " of the test's instance").isNotEmpty();
    return found.get(0);
  }

  public List<String> candidateGroups(String taskId) {
    return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  /** Runs the due jobs of the instance and its called instances (the job executor is off in tests). */
  public void runJobs(String processInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = new ArrayList<>();
      for (String id : tree(processInstanceId)) {
        due.addAll(engine.getManagementService().createJobQuery().processInstanceId(id).executable().list());
      }
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  /** The instance and the instances it called, transitively. */
  public List<String> tree(String processInstanceId) {
    List<String> ids = new ArrayList<>(List.of(processInstanceId));
    for (int i = 0; i < ids.size(); i++) {
      engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()
          .forEach(child -> ids.add(child.getId()));
    }
    return ids;
  }

  /**
   * Files the case in the registry (data of the case-filing example, overridden by given) and
   * gives the instance the party variables the start of a case sets.
   */
  private void registerCase(String caseNumber, Map<String, Object> given, String processInstanceId) {
    Map<String, Object> filing = new HashMap<>(FormExample.of("case-filing").valid(caseNumber));
    filing.putAll(given);
    filing.put("caseNumber", caseNumber);
    registry.register(filingValidator.validate(filing::get), processInstanceId);
    if (!"none".equals(processInstanceId)) {
      engine.getRuntimeService().setVariables(processInstanceId, PartyVariables.of(registry.parties(caseNumber)));
    }
  }

  /** The respondents' party ids of a filed case: the options of its respondent fields. */
  public List<String> respondentOptions(String caseNumber) {
    return registry.respondents(caseNumber).stream().map(party -> String.valueOf(party.id())).toList();
  }

  public String leader(String group) {
    return organisation.leaderOf(group).orElseThrow(() -> new AssertionError("group " + group + " has no leader"));
  }
}
