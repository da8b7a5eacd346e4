package cn.court.enforcement.calendar;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.core.model.PropertyKey;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * Gives a user task its due date from the time-limit table when the diagram names the
 * limit: {@code <camunda:property name="timeLimit" value="execution-notice"/>}, or several
 * separated by commas ({@code intake, execution-notice-from-filing}), when the one that ends
 * first is the due date. An unknown name fails the deployment. The names stay on the parsed
 * activity ({@link #limitsOf}), for escalation and reports: nothing is written per task.
 */
public class TimeLimitParseListener extends AbstractBpmnParseListener {

  public static final String PROPERTY = "timeLimit";
  private static final PropertyKey<List<String>> LIMITS = new PropertyKey<>("courtTimeLimits");
  private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);

  private final Deadlines deadlines;

  public TimeLimitParseListener(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
    timeLimitOf(userTask).map(TimeLimitParseListener::names).ifPresent(names -> {
      String where = "用户任务 " + userTask.attribute("id") + "（" + userTask.attribute("name") + "）：";
      if (names.isEmpty()) {
        throw new ProcessEngineException(where + "timeLimit 属性没有写时限名称");
      }
      for (String name : names) {
        try {
          deadlines.limit(name);
        } catch (ProcessEngineException unknown) {
          throw new ProcessEngineException(where + unknown.getMessage(), unknown);
        }
      }
      activity.getProperties().set(LIMITS, names);
      TaskListener setDueDate = task -> task.setDueDate(deadlines.earliest(names, deadlines.today(), task::getVariable).date());
      ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
          .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, setDueDate);
    });
  }

  /**
   * The limits the diagram names for the tasks of {@code activityId}, as the engine parsed
   * them (the deployment cache: no query); empty when it names none.
   */
  public static List<String> limitsOf(ProcessDefinition deployed, String activityId) {
    PvmActivity activity = ((ProcessDefinitionImpl) deployed).findActivity(activityId);
    List<String> names = activity == null ? null : activity.getProperties().get(LIMITS);
    return names == null ? List.of() : names;
  }

  /** The property's value split into names: {@code "a, b"} → [a, b]. */
  public static List<String> names(String property) {
    return Arrays.stream(property.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
  }

  static Optional<String> timeLimitOf(Element element) {
    Element extensions = element.element("extensionElements");
    Element properties = extensions == null ? null : extensions.elementNS(CAMUNDA, "properties");
    if (properties == null) {
      return Optional.empty();
    }
    return properties.elementsNS(CAMUNDA, "property").stream()
        .filter(p -> PROPERTY.equals(p.attribute("name")))
        .map(p -> p.attribute("value"))
        .findFirst();
  }
}
