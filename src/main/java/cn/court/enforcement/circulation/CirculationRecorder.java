package cn.court.enforcement.circulation;

import cn.court.enforcement.circulation.CirculationRegister.HandOver;
import cn.court.enforcement.engine.ParseListenerPlugin;
import cn.court.enforcement.organisation.Organisation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Writes the circulation register from the task life cycle of every process, so nobody types it
 * and no diagram can leave it out. A hand-over is a user task created in a case (a process
 * instance whose business key is the case number) for a unit (its candidate group) other than
 * the unit of the previous step (docs/decisions.md, "Circulation register"):
 * <ol>
 *   <li>the task completed in the same transaction, which led to this one, with the person who
 *       completed it;
 *   <li>else, when a member of staff started the process (or the process that called it) in this
 *       transaction, the starter, in the unit of theirs that may start it;
 *   <li>else (a timer, an asynchronous step such as the random allocation), the unit holding the
 *       process instance — the receiver of its last hand-over, or else of the case's — with the
 *       person who completed the instance's last step.
 * </ol>
 * Completing the registration form ({@value #REGISTRATION_FORM}) enters the case under its
 * register number ({@value #REGISTER_NUMBER}).
 *
 * <p>Cost: nothing for a task of the same unit found by rule 1 or 2 (the completed task's
 * candidates are the identity links the engine loads to delete them); one insert per hand-over
 * and per registration; for a task created by rule 3 one look-up, and a second for a hand-over.
 */
@Component
@Order(4)
public class CirculationRecorder extends ParseListenerPlugin {

  static final String REGISTRATION_FORM = "documents-service";
  static final String REGISTER_NUMBER = "registerEntryNumber";
  private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);

  public CirculationRecorder(CirculationRegister register, Organisation organisation) {
    super(parseListener(new Steps(register, organisation)));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    super.preInit(configuration);
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return LastStep.class;
      }

      @Override
      public Session openSession() {
        return new LastStep();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  private static BpmnParseListener parseListener(Steps steps) {
    return new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        String processKey = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
        boolean registers = REGISTRATION_FORM.equals(userTask.attributeNS(CAMUNDA, "formRef"));
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, task -> steps.created(task, processKey));
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> steps.completed(task, processKey, registers));
      }
    };
  }

  /** The step this transaction completed last: the previous step of the tasks it creates. */
  static final class LastStep implements Session {
    Step step;

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }

  /** A step done: its case, the unit it belonged to and who did it. */
  record Step(String caseNumber, String unit, String person) {}

  static final class Steps {
    private final CirculationRegister register;
    private final Organisation organisation;

    Steps(CirculationRegister register, Organisation organisation) {
      this.register = register;
      this.organisation = organisation;
    }

    void completed(DelegateTask task, String processKey, boolean registers) {
      String caseNumber = task.getExecution().getProcessBusinessKey();
      List<String> units = unitsOf(task);
      String person = task.getAssignee() != null ? task.getAssignee() : currentUser().orElse(null);
      lastStep().step = new Step(caseNumber, units.isEmpty() ? null : units.get(0), person);
      if (registers && caseNumber != null && !units.isEmpty()) {
        Object number = task.getVariable(REGISTER_NUMBER);
        if (number instanceof String text && !text.isBlank()) {
          register.register(new HandOver(caseNumber, ClockUtil.getCurrentTime(), null, null, units.get(0), task.getId(),
              task.getTaskDefinitionKey(), task.getName(), processKey, task.getProcessInstanceId()), text.strip());
        }
      }
    }

    void created(DelegateTask task, String processKey) {
      String caseNumber = task.getExecution().getProcessBusinessKey();
      List<String> units = unitsOf(task);
      if (caseNumber == null || units.isEmpty()) {
        return;
      }
      Step previous = previousStep(task, caseNumber);
      String instance = task.getProcessInstanceId();
      String fromUnit = previous != null ? previous.unit() : register.holderOf(instance, caseNumber).orElse(null);
      if (fromUnit != null && units.contains(fromUnit)) {
        return;
      }
      String fromPerson = previous != null ? previous.person()
          : register.lastWorkerOf(instance).or(Steps::currentUser).orElse(null);
      register.handOver(new HandOver(caseNumber, task.getCreateTime(), fromUnit, fromPerson, units.get(0),
          task.getId(), task.getTaskDefinitionKey(), task.getName(), processKey, instance));
    }

    /** The previous step by rule 1 or 2; {@code null} for rule 3, which needs the register. */
    private Step previousStep(DelegateTask task, String caseNumber) {
      Step completed = lastStep().step;
      if (completed != null && caseNumber.equals(completed.caseNumber())) {
        return completed;
      }
      Optional<String> starter = currentUser();
      ExecutionEntity root = startedInThisCommand((ExecutionEntity) task.getExecution());
      if (starter.isPresent() && root != null) {
        return new Step(caseNumber, starterUnit(root.getProcessDefinition().getKey()), starter.get());
      }
      return null;
    }

    /** The unit of the signed-in starter that may start the process, else their first unit of the organisation. */
    private String starterUnit(String processKey) {
      List<String> groups = context().getAuthenticatedGroupIds();
      if (groups == null) {
        return null;
      }
      return organisation.units().stream().filter(u -> groups.contains(u.id()) && u.starts().contains(processKey))
          .findFirst().or(() -> organisation.units().stream().filter(u -> groups.contains(u.id())).findFirst())
          .map(Organisation.Unit::id).orElse(null);
    }

    /** The root of the instances started in this command that the task's instance belongs to, if it is one of them. */
    private static ExecutionEntity startedInThisCommand(ExecutionEntity execution) {
      ExecutionEntity instance = execution.getProcessInstance();
      if (!isNew(instance)) {
        return null;
      }
      while (instance.getSuperExecution() != null) {
        ExecutionEntity caller = instance.getSuperExecution().getProcessInstance();
        if (!isNew(caller)) {
          return null;
        }
        instance = caller;
      }
      return instance;
    }

    private static boolean isNew(ExecutionEntity instance) {
      CachedDbEntity cached = context().getDbEntityManager().getDbEntityCache()
          .getCachedEntity(ExecutionEntity.class, instance.getId());
      return cached != null && cached.getEntityState() == DbEntityState.TRANSIENT;
    }

    /** The task's candidate groups, sorted: the first is the unit it is recorded for. */
    private static List<String> unitsOf(DelegateTask task) {
      return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(g -> g != null).sorted().toList();
    }

    private static Optional<String> currentUser() {
      return Optional.ofNullable(context().getAuthenticatedUserId());
    }

    private static LastStep lastStep() {
      return context().getSession(LastStep.class);
    }

    private static CommandContext context() {
      return Context.getCommandContext();
    }
  }
}
