package cn.court.enforcement.demo;

import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Staff;
import cn.court.enforcement.termination.ResumptionRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Walks a case along its {@link Step}s through the engine's Java API as the people who would
 * do each step: the engine's authentication is set to a member of the task's group (so
 * authorizations apply and history names real people), who claims the task and submits the form.
 */
@Component
public class CaseWalker {

  private static final int JOB_ATTEMPTS = 20;

  private final ProcessEngine engine;
  private final Organisation organisation;
  private final CaseRegistry registry;
  private final ResumptionRegistry resumptions;

  public CaseWalker(ProcessEngine engine, Organisation organisation, CaseRegistry registry,
      ResumptionRegistry resumptions) {
    this.engine = engine;
    this.organisation = organisation;
    this.registry = registry;
    this.resumptions = resumptions;
  }

  /** Files a case as the filing clerk (the start form), returning the process instance. */
  public ProcessInstance file(Map<String, Object> filing, int pick) {
    return start(CaseVariables.PROCESS_KEY, member("filing", pick), filing);
  }

  /** Performs the steps in order; {@code pick} varies which member of a group does them. */
  public void walk(String caseNumber, List<Step> steps, int pick) {
    for (Step step : steps) {
      switch (step.kind()) {
        case JOB -> runJob(caseNumber, step.taskKey());
        case START -> start(step.taskKey(), member(step.group(), pick), step.variables());
        case TASK -> complete(caseNumber, step, pick);
      }
    }
  }

  /** The case resumed (执恢) from {@code caseNumber}, once its resumption was approved and filed. */
  public String resumedAs(String caseNumber) {
    return resumptions.resumedAs(caseNumber)
        .orElseThrow(() -> new IllegalStateException("Case " + caseNumber + " has not been resumed"));
  }

  /** The filing date of a running case (a resumed case is filed on the day its resumption is approved). */
  public LocalDate filedOn(String caseNumber) {
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CaseVariables.PROCESS_KEY).processInstanceBusinessKey(caseNumber).singleResult();
    return LocalDate.parse((String) engine.getRuntimeService().getVariable(instance.getId(), CaseVariables.FILING_DATE));
  }

  /**
   * Runs the job waiting at an asynchronous activity of the case. The job executor may be
   * taking the same job at the same moment (it is on when the application runs): a job it has
   * locked or already run is left to it, and when both ran it at once (the loser fails on a version
   * or on a row the winner inserted) try again until the job is gone.
   */
  public void runJob(String caseNumber, String activityId) {
    // The case's own instance, or one beside it (an entrusted matter's report, a disposal's timers).
    List<String> instances = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).list().stream().map(ProcessInstance::getId).toList();
    ProcessEngineException failure = null;
    for (int attempt = 0; attempt < JOB_ATTEMPTS; attempt++) {
      List<Job> jobs = instances.stream().flatMap(id -> engine.getManagementService().createJobQuery()
          .processInstanceId(id).activityId(activityId).list().stream()).toList();
      if (jobs.isEmpty()) {
        if (attempt == 0 && !ran(caseNumber, activityId)) {
          throw new IllegalStateException("No job at " + activityId + " in case " + caseNumber);
        }
        return;
      }
      Job job = jobs.get(0);
      if (job instanceof JobEntity entity && entity.getLockOwner() != null) {
        pause(); // the job executor is running it
        continue;
      }
      try {
        engine.getManagementService().executeJob(job.getId());
        return;
      } catch (ProcessEngineException e) {
        failure = e;
        pause();
      }
    }
    throw new IllegalStateException("Job at " + activityId + " of case " + caseNumber + " did not run", failure);
  }

  /**
   * Whether the activity has already run in the case or a process beside it: the job executor
   * takes a job that is due at once (a timer whose date has passed, the allocation) and may have
   * finished it before the walker looked.
   */
  private boolean ran(String caseNumber, String activityId) {
    HistoryService history = engine.getHistoryService();
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
        .anyMatch(instance -> history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
            .activityId(activityId).finished().count() > 0);
  }

  /** Starts the latest version of process {@code key} with its start form, as {@code member}. */
  private ProcessInstance start(String key, Staff member, Map<String, Object> form) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(key).latestVersion().singleResult().getId();
    return as(member, () -> engine.getFormService().submitStartForm(definitionId, form));
  }

  private void complete(String caseNumber, Step step, int pick) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey(step.taskKey()).orderByTaskId().asc().list();
    if (tasks.isEmpty()) {
      throw new IllegalStateException("Case " + caseNumber + " has no open task " + step.taskKey());
    }
    Task task = tasks.get(0);
    String group = candidateGroup(task);
    if (!Step.HANDLING_TEAM.equals(step.group()) && !step.group().equals(group)) {
      throw new IllegalStateException(step.taskKey() + " is for " + group + ", not " + step.group());
    }
    // A task already assigned (to the case's handler, or to the leader who names one) is theirs.
    Staff member = task.getAssignee() != null
        ? organisation.person(task.getAssignee()).orElseThrow()
        : member(group, pick);
    Map<String, Object> form = step.variablesFor(member(group, pick + 1).id(),
        registry.respondents(caseNumber).stream().map(party -> String.valueOf(party.id())).toList());
    as(member, () -> {
      engine.getTaskService().claim(task.getId(), member.id());
      engine.getFormService().submitTaskForm(task.getId(), form);
      return null;
    });
  }

  private String candidateGroup(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst()
        .orElseThrow(() -> new IllegalStateException(task.getTaskDefinitionKey() + " has no candidate group"));
  }

  /** A member of the group; {@code pick} spreads the work over the members. */
  public Staff member(String group, int pick) {
    List<Staff> members = organisation.membersOf(group);
    if (members.isEmpty()) {
      throw new IllegalStateException("The organisation has nobody in group " + group);
    }
    return members.get(Math.floorMod(pick, members.size()));
  }

  private <T> T as(Staff member, Supplier<T> work) {
    engine.getIdentityService().setAuthentication(member.id(), member.groups());
    try {
      return work.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
