package cn.court.enforcement.calendar;

import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * Gives a user task its due date from the time-limit table when the diagram names the
 * limit: {@code <camunda:property name="timeLimit" value="execution-notice"/>}. An unknown
 * name fails the deployment. The limit's name is kept on the task as local variable
 * {@value #TIME_LIMIT_VARIABLE} for escalation and reports.
 */
public class TimeLimitParseListener extends AbstractBpmnParseListener {

  public static final String PROPERTY = "timeLimit";
  public static final String TIME_LIMIT_VARIABLE = "timeLimit";
  private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);

  private final Deadlines deadlines;

  public TimeLimitParseListener(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
    timeLimitOf(userTask).ifPresent(name -> {
      try {
        deadlines.limit(name);
      } catch (ProcessEngineException unknown) {
        throw new ProcessEngineException("用户任务 " + userTask.attribute("id") + "（" + userTask.attribute("name") + "）："
            + unknown.getMessage(), unknown);
      }
      TaskListener setDueDate = task -> {
        task.setDueDate(deadlines.due(name, task));
        task.setVariableLocal(TIME_LIMIT_VARIABLE, name);
      };
      ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
          .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, setDueDate);
    });
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
