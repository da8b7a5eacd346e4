package cn.court.enforcement.clues;

import cn.court.enforcement.casefile.TaskCompletionListener;
import cn.court.enforcement.engine.ParseListenerPlugin;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Where clues reach the court through the case's own forms, wherever a diagram shows them: the
 * filing form ({@code case-filing}: filing and correction), an interview ({@code team-interview}:
 * the respondent's report), and naming the handler ({@code handler-name}: open verifications move
 * to the handler). Built-in listeners, so the diagrams stay as they are and none can leave them out.
 */
@Component
@Order(3)
public class CaseClueSources extends ParseListenerPlugin {

  private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);

  public CaseClueSources(ClueVerification clues) {
    super(new AbstractBpmnParseListener() {
      @Override
      public void parseStartEvent(Element startEvent, ScopeImpl scope, ActivityImpl activity) {
        if ("case-filing".equals(startEvent.attributeNS(CAMUNDA, "formRef"))) {
          // Last: after the case is registered.
          ExecutionListener filed = clues::fromFiling;
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, filed);
        }
      }

      @Override
      public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
        String form = userTask.attributeNS(CAMUNDA, "formRef");
        if ("case-filing".equals(form)) {
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, onCompletion(clues::fromFiling));
        } else if ("team-interview".equals(form)) {
          // After the form's rules, before the task's own listeners, which clear the interview's fields.
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, onCompletion(clues::fromInterview),
              beforeDiagramListeners(activity, ExecutionListener.EVENTNAME_END));
        } else if ("handler-name".equals(form)) {
          // Last: after the handler is recorded.
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, onCompletion(clues::handOver));
        }
      }
    });
  }

  /** The position after the built-in listeners leading the event's list (the diagram's follow them). */
  private static int beforeDiagramListeners(ActivityImpl activity, String event) {
    List<?> listeners = activity.getListeners(event);
    List<?> builtIn = activity.getBuiltInListeners(event);
    int position = 0;
    while (position < listeners.size() && builtIn.contains(listeners.get(position))) {
      position++;
    }
    return position;
  }

  private static ExecutionListener onCompletion(Consumer<DelegateExecution> action) {
    return new TaskCompletionListener() {
      @Override
      protected void completed(DelegateExecution execution) {
        action.accept(execution);
      }
    };
  }
}
