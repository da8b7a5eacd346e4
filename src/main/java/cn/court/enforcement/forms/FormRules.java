package cn.court.enforcement.forms;

import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.engine.ParseListenerPlugin;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The deployed form's own rules, enforced by the engine whenever a task with a Camunda Form is
 * completed or a process is started at a start event with one — from Tasklist, over REST or from
 * Java alike: required (unless the form's condition hides the field), pattern, lengths, min/max,
 * decimal digits, options, the value's kind, dates not after today. A field a designer adds or
 * tightens in Modeler is enforced with no Java change; Java keeps the rules a form cannot state
 * (cross-field, money sums, the allocation pool, ID check characters) in the features' own
 * listeners, which run after these. A refusal names every field by its label and writes nothing.
 */
@Component
@Order(2)
public class FormRules extends ParseListenerPlugin {

  private static final Logger LOG = LoggerFactory.getLogger(FormRules.class);
  private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);
  private static final String FORM_REF = "formRef";

  private static final ExecutionListener ON_COMPLETION = FormRules::completed;
  private static final ExecutionListener ON_START = FormRules::started;

  public FormRules() {
    super(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
        if (userTask.attributeNS(CAMUNDA, FORM_REF) != null) {
          // The task's end, as the features' own checks: a refusal reaches the caller unwrapped.
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, ON_COMPLETION, 0);
        }
      }

      @Override
      public void parseStartEvent(Element startEvent, ScopeImpl scope, ActivityImpl activity) {
        if (startEvent.attributeNS(CAMUNDA, FORM_REF) != null) {
          // First, before the start listeners that file the case from these values.
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, ON_START, 0);
        }
      }
    });
  }

  /** A completed task (a cancelled one — case deleted or moved — is never refused). */
  private static void completed(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    ExecutionEntity entity = (ExecutionEntity) execution;
    ActivityImpl activity = entity.getActivity();
    FormSchema form = DeployedForms.ofTask(entity.getProcessDefinitionId(), activity.getId(),
        () -> taskForm(entity, activity), activity.getName());
    check(form, execution, "无法完成「" + activity.getName() + "」");
  }

  /** The task is gone by its end: the form comes from the task definition's reference. */
  private static InputStream taskForm(ExecutionEntity execution, ActivityImpl activity) {
    FormDefinition reference = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
        .getFormDefinition();
    CamundaFormRefImpl ref = new CamundaFormRefImpl(
        String.valueOf(reference.getCamundaFormDefinitionKey().getValue(execution)), reference.getCamundaFormDefinitionBinding());
    if (reference.getCamundaFormDefinitionVersion() != null) {
      ref.setVersion(Integer.valueOf(String.valueOf(reference.getCamundaFormDefinitionVersion().getValue(execution))));
    }
    CommandContext context = Context.getCommandContext();
    CamundaFormDefinition form = context.runWithoutAuthorization(
        new GetCamundaFormDefinitionCmd(ref, execution.getProcessDefinition().getDeploymentId()));
    if (form == null) {
      throw new NotFoundException("No Camunda Form " + ref + " for " + activity.getId());
    }
    return context.runWithoutAuthorization(new GetDeploymentResourceCmd(form.getDeploymentId(), form.getResourceName()));
  }

  private static void started(DelegateExecution execution) {
    String name = ((ExecutionEntity) execution).getProcessDefinition().getName();
    FormSchema form = Context.getCommandContext().runWithoutAuthorization(() -> DeployedForms.ofStart(
        execution.getProcessEngineServices().getFormService(), execution.getProcessDefinitionId(), name));
    check(form, execution, "无法启动「" + name + "」");
  }

  /**
   * Reads only the variables the form's fields and conditions name, one at a time: the case's
   * other variables (party lists stored as JSON among them) are not loaded or parsed.
   */
  static void check(FormSchema form, VariableScope variables, String what) {
    VariableContext context = new VariableContext() {
      @Override
      public TypedValue resolve(String name) {
        TypedValue value = variables.getVariableTyped(name);
        return value == null ? Variables.untypedNullValue() : value;
      }

      @Override
      public boolean containsVariable(String name) {
        return form.fields().containsKey(name) || variables.hasVariable(name);
      }

      @Override
      public Set<String> keySet() {
        Set<String> keys = new HashSet<>(form.fields().keySet());
        keys.addAll(variables.getVariableNames());
        return keys;
      }
    };
    List<String> problems = new ArrayList<>();
    for (FormSchema.Field field : form.fields().values()) {
      if (!field.shown() && !hidden(field, context)) {
        problems.addAll(field.problems(variables.getVariable(field.key())));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidCaseDataException(what + "：" + String.join("；", problems));
    }
  }

  /** The form hides the field (its FEEL condition holds): the user could not fill it in. */
  private static boolean hidden(FormSchema.Field field, VariableContext context) {
    String condition = field.rules().hide();
    if (condition == null) {
      return false;
    }
    try {
      FeelEngine feel = ((DefaultDmnEngineConfiguration) Context.getProcessEngineConfiguration()
          .getDmnEngineConfiguration()).getFeelEngine();
      return Boolean.TRUE.equals(feel.evaluateSimpleExpression(condition, context));
    } catch (RuntimeException e) {
      // A condition the engine cannot evaluate leaves the field visible, so its rules still apply.
      LOG.warn("Condition of form field {} not evaluated: {}", field.key(), e.getMessage());
      return false;
    }
  }
}
