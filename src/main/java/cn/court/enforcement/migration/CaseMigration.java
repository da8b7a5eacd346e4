package cn.court.enforcement.migration;

import cn.court.enforcement.calendar.TimeLimitParseListener;
import cn.court.enforcement.migration.MigrationMappings.Mapping;
import cn.court.enforcement.migration.MigrationReport.Activity;
import cn.court.enforcement.migration.MigrationReport.Staying;
import cn.court.enforcement.migration.MigrationReport.Version;
import cn.court.enforcement.security.ApiRefusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the running instances of a process from each older version to the newest with Camunda's
 * migration API. The plan per older version is the same-id mapping plus the process's mapping
 * file ({@link MigrationMappings}); each instance is rehearsed — migrated in a transaction that is
 * rolled back — so the engine's own instance validation decides what can move, and the dry run
 * is exact. A confirmed migration repeats the dry run and moves the movable instances as one
 * batch per version (Camunda's batch jobs, run by the job executor); the others are left
 * untouched and listed.
 *
 * <p>What the migration keeps: process instance, task and job ids, task due dates, assignees and
 * variables. The application's records are keyed by case number, process instance or task id
 * (case clock, allocation draws, handler, escalation state), so they stay valid; what reads the
 * activity id from the diagram — the time limits of {@link TimeLimitParseListener} — is checked
 * here: a renamed user task must carry in the mapping file the limits it keeps.
 */
@Component
@EnableConfigurationProperties(MigrationProperties.class)
public class CaseMigration {

  /** One batch started for the movable instances of one older version. */
  public record Started(int version, String batchId, int instances) {}

  /** A confirmed migration: the report it acted on and its batches. */
  public record Migration(MigrationReport report, List<Started> batches) {}

  /** A batch's progress from Camunda's batch statistics (jobs: one per instance), or its history once done. */
  public record Progress(String batchId, int totalJobs, int completedJobs, int failedJobs, int remainingJobs,
      boolean finished) {}

  private static final String UNMAPPED_ENGINE_FAILURE = "There is no migration instruction for this instance's activity";
  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";
  private static final Logger log = LoggerFactory.getLogger(CaseMigration.class);

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final ManagementService management;
  private final HistoryService history;
  private final ResourceLoader resources;
  private final MigrationProperties properties;
  private final TransactionTemplate rehearsal;

  public CaseMigration(RuntimeService runtime, RepositoryService repository, ManagementService management,
      HistoryService history, ResourceLoader resources, MigrationProperties properties,
      PlatformTransactionManager transactions) {
    this.runtime = runtime;
    this.repository = repository;
    this.management = management;
    this.history = history;
    this.resources = resources;
    this.properties = properties;
    this.rehearsal = new TransactionTemplate(transactions);
    this.rehearsal.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** What a migration of {@code processKey}'s running instances would do; nothing changes. */
  public MigrationReport dryRun(String processKey) {
    return analyse(processKey).report();
  }

  /** Migrates what the dry run finds movable, one batch per older version. */
  public Migration migrate(String processKey) {
    Analysis analysis = analyse(processKey);
    List<Started> batches = new ArrayList<>();
    for (Version version : analysis.report().versions()) {
      List<String> movable = analysis.movable().get(version.definitionId());
      if (!movable.isEmpty()) {
        Batch batch = runtime.newMigration(analysis.plans().get(version.definitionId()))
            .processInstanceIds(movable).executeAsync();
        batches.add(new Started(version.version(), batch.getId(), movable.size()));
      }
    }
    return new Migration(analysis.report(), batches);
  }

  public Progress progress(String batchId) {
    BatchStatistics running = management.createBatchStatisticsQuery().batchId(batchId)
        .type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).singleResult();
    if (running != null) {
      // every job created and none left: all instances migrated, the monitor job has yet to close the batch
      boolean done = running.getJobsCreated() == running.getTotalJobs() && running.getRemainingJobs() == 0;
      return new Progress(batchId, running.getTotalJobs(), running.getCompletedJobs(), running.getFailedJobs(),
          running.getRemainingJobs(), done);
    }
    // the monitor job deletes a batch once all its jobs succeeded; its history stays
    HistoricBatch done = history.createHistoricBatchQuery().batchId(batchId).type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION)
        .singleResult();
    if (done == null) {
      throw new ApiRefusal(HttpStatus.NOT_FOUND, "没有编号为 " + batchId + " 的迁移批次。");
    }
    return new Progress(batchId, done.getTotalJobs(), done.getTotalJobs(), 0, 0, done.getEndTime() != null);
  }

  private record Analysis(MigrationReport report, Map<String, MigrationPlan> plans, Map<String, List<String>> movable) {}

  private Analysis analyse(String processKey) {
    ProcessDefinition target = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().withoutTenantId().singleResult();
    if (target == null) {
      throw new ApiRefusal(HttpStatus.NOT_FOUND, "没有流程定义 " + processKey + "。");
    }
    MigrationMappings mappings = MigrationMappings.of(resources.getResource(properties.mappingDirectory()), processKey);
    BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());
    List<Version> versions = new ArrayList<>();
    Map<String, MigrationPlan> plans = new LinkedHashMap<>();
    Map<String, List<String>> movable = new LinkedHashMap<>();
    for (ProcessDefinition source : repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .withoutTenantId().orderByProcessDefinitionVersion().asc().list()) {
      List<ProcessInstance> running = source.getVersion() >= target.getVersion() ? List.of()
          : runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list();
      if (running.isEmpty()) {
        continue;
      }
      BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
      Planned planned = plan(source, sourceModel, target, targetModel, mappings);
      Tally tally = new Tally(sourceModel, planned, mappings);
      long started = System.currentTimeMillis();
      running.forEach(tally::add);
      log.info("Migration of {} version {}: {} instances rehearsed in {} ms, {} can move", processKey, source.getVersion(),
          running.size(), System.currentTimeMillis() - started, tally.movable.size());
      versions.add(tally.version(source));
      plans.put(source.getId(), planned.plan());
      movable.put(source.getId(), tally.movable);
    }
    return new Analysis(new MigrationReport(processKey, target.getVersion(), target.getId(), versions), plans, movable);
  }

  /** A version's plan (null when refused), its problems and notes. */
  private record Planned(MigrationPlan plan, List<String> problems, List<String> notes, Map<String, String> targets) {}

  private Planned plan(ProcessDefinition source, BpmnModelInstance sourceModel, ProcessDefinition target,
      BpmnModelInstance targetModel, MigrationMappings mappings) {
    // the parsed definitions (deployment cache), whose activities carry their time limits
    ProcessDefinition parsedSource = repository.getProcessDefinition(source.getId());
    ProcessDefinition parsedTarget = repository.getProcessDefinition(target.getId());
    Predicate<String> inTarget = id -> targetModel.getModelElementById(id) instanceof FlowNode;
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities();
    for (String from : mappings.byFrom().keySet()) {
      if (!(sourceModel.getModelElementById(from) instanceof FlowNode node)) {
        continue; // a rename of a later version
      }
      Mapping mapping = mappings.resolve(from, inTarget).orElseThrow();
      if (!inTarget.test(mapping.to())) {
        problems.add(mappings.source() + "：映射 " + from + " → " + mapping.to() + "，但最新版本中没有活动 " + mapping.to());
        continue;
      }
      if (node instanceof UserTask) {
        checkTimeLimit(mapping, TimeLimitParseListener.limitsOf(parsedSource, from),
            TimeLimitParseListener.limitsOf(parsedTarget, mapping.to()), mappings.source()).ifPresent(problems::add);
      }
      builder = builder.mapActivities(from, mapping.to());
    }
    MigrationPlan plan = null;
    try {
      plan = builder.build();
    } catch (MigrationPlanValidationException refused) {
      refused.getValidationReport().getInstructionReports().forEach(report -> problems.add("迁移指令 "
          + report.getMigrationInstruction().getSourceActivityId() + " → " + report.getMigrationInstruction().getTargetActivityId()
          + "：" + String.join("；", report.getFailures())));
      refused.getValidationReport().getVariableReports().forEach((name, report) ->
          problems.add("变量 " + name + "：" + String.join("；", report.getFailures())));
    }
    Map<String, String> targets = new LinkedHashMap<>();
    if (plan != null) {
      for (MigrationInstruction instruction : plan.getInstructions()) {
        targets.put(instruction.getSourceActivityId(), instruction.getTargetActivityId());
        List<String> before = TimeLimitParseListener.limitsOf(parsedSource, instruction.getSourceActivityId());
        List<String> after = TimeLimitParseListener.limitsOf(parsedTarget, instruction.getTargetActivityId());
        if (!before.equals(after)) {
          notes.add("任务 " + instruction.getSourceActivityId() + " 的时限由「" + String.join(", ", before) + "」改为「"
              + String.join(", ", after) + "」：已开的任务保留原到期日，新任务按新时限。");
        }
      }
    }
    return new Planned(problems.isEmpty() ? plan : null, problems, notes, targets);
  }

  /**
   * A renamed user task must say which limits it keeps ({@code timeLimit} in the mapping file), and
   * they must be the new diagram's: the escalation sweep reads them from the new task's diagram.
   */
  private static Optional<String> checkTimeLimit(Mapping mapping, List<String> before, List<String> after,
      String file) {
    String where = file + "：用户任务 " + mapping.from() + " → " + mapping.to();
    if (mapping.timeLimit() == null) {
      return before.isEmpty() && after.isEmpty() ? Optional.empty()
          : Optional.of(where + " 须用 timeLimit 写明它的时限（原版本为「" + String.join(", ", before) + "」，最新版本为「"
              + String.join(", ", after) + "」）");
    }
    return mapping.timeLimit().equals(after) ? Optional.empty()
        : Optional.of(where + " 写明的时限「" + String.join(", ", mapping.timeLimit()) + "」与最新版本中任务的时限「"
            + String.join(", ", after) + "」不同");
  }

  /** The instances of one older version, counted per activity as they are rehearsed. */
  private final class Tally {
    private final BpmnModelInstance model;
    private final Planned planned;
    private final MigrationMappings mappings;
    private final Map<String, int[]> perActivity = new LinkedHashMap<>();
    private final List<String> movable = new ArrayList<>();
    private final List<Staying> staying = new ArrayList<>();

    Tally(BpmnModelInstance model, Planned planned, MigrationMappings mappings) {
      this.model = model;
      this.planned = planned;
      this.mappings = mappings;
    }

    void add(ProcessInstance instance) {
      ActivityInstance tree = runtime.getActivityInstance(instance.getId());
      if (tree == null) {
        return; // ended since it was listed: nothing to move
      }
      List<String> reasons = planned.plan() == null ? List.of("本版本的迁移方案未通过校验，实例保留在原版本")
          : rehearse(instance.getId());
      Set<String> at = activitiesOf(tree);
      at.forEach(id -> perActivity.computeIfAbsent(id, key -> new int[2])[reasons.isEmpty() ? 0 : 1]++);
      if (reasons.isEmpty()) {
        movable.add(instance.getId());
      } else {
        staying.add(new Staying(instance.getId(), instance.getBusinessKey(), reasons));
      }
    }

    Version version(ProcessDefinition source) {
      int running = movable.size() + staying.size();
      List<Activity> activities = perActivity.entrySet().stream().map(e -> new Activity(e.getKey(), name(e.getKey()),
          planned.targets().get(e.getKey()), e.getValue()[0], e.getValue()[1])).toList();
      return new Version(source.getVersion(), source.getId(), running, movable.size(), planned.problems(),
          planned.notes(), activities, staying);
    }

    /** Migrates the instance in a transaction that is rolled back: the engine's own checks, nothing kept. */
    private List<String> rehearse(String processInstanceId) {
      return rehearsal.execute(status -> {
        status.setRollbackOnly();
        try {
          runtime.newMigration(planned.plan()).processInstanceIds(processInstanceId).execute();
          return List.of();
        } catch (MigratingProcessInstanceValidationException refused) {
          return reasons(refused.getValidationReport());
        } catch (ProcessEngineException failed) {
          // e.g. the case took a step meanwhile (optimistic locking), or a listener of a new scope refused
          return List.of("试迁移出错：" + failed.getMessage());
        }
      });
    }

    private List<String> reasons(MigratingProcessInstanceValidationReport report) {
      Set<String> reasons = new LinkedHashSet<>(report.getFailures());
      Stream.concat(
              report.getActivityInstanceReports().stream().map(r -> Map.entry(r.getSourceScopeId(), r.getFailures())),
              report.getTransitionInstanceReports().stream().map(r -> Map.entry(r.getSourceScopeId(), r.getFailures())))
          .forEach(r -> r.getValue().forEach(failure -> reasons.add(reason(r.getKey(), failure))));
      return List.copyOf(reasons);
    }

    private String reason(String activityId, String failure) {
      String where = "「" + name(activityId) + "」（" + activityId + "）";
      if (!failure.contains(UNMAPPED_ENGINE_FAILURE)) {
        return where + "无法迁移：" + failure;
      }
      String removed = mappings.removed().get(activityId);
      return where + "在最新版本中已没有，映射文件也未映射" + (removed == null || removed.isEmpty() ? "" : "：" + removed);
    }

    private String name(String activityId) {
      String id = activityId.replace(MULTI_INSTANCE_BODY, "");
      return model.getModelElementById(id) instanceof FlowNode node && node.getName() != null ? node.getName() : id;
    }
  }

  /** The activities an instance waits at: the leaves of its activity instance tree and its async continuations. */
  private static Set<String> activitiesOf(ActivityInstance instance) {
    Set<String> at = new LinkedHashSet<>();
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      at.add(transition.getActivityId());
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      at.addAll(activitiesOf(child));
    }
    if (at.isEmpty() && instance.getParentActivityInstanceId() != null) {
      at.add(instance.getActivityId());
    }
    return at;
  }
}
