package cn.court.enforcement.escalation;

import java.util.ArrayList;
import java.util.Date;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(EscalationProperties.class)
public class EscalationConfiguration {

  /**
   * Notes when a node that escalation has recorded ends, so reports know how late it finished.
   * Only a task whose reminder day has come can have a row (the sweep records nothing
   * earlier): any other task ends without a statement on the table.
   */
  @Bean
  public ProcessEnginePlugin nodeEndPlugin(NodeDeadlines nodes, EscalationLadder ladder) {
    TaskListener ended = task -> {
      Date now = ClockUtil.getCurrentTime();
      if (task.getDueDate() != null && ladder.stageAt(task.getDueDate(), now) != EscalationLadder.Stage.NONE) {
        nodes.ended(task.getId(), now);
      }
    };
    AbstractBpmnParseListener listener = new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, ended);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, ended);
      }
    };
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
          configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(listener);
      }
    };
  }

  /**
   * Timer cycles given as expressions ({@code ${escalationSweep.cycle}}, the report's) are read
   * again each time the timer fires, so a changed {@code court.escalation.sweep-cycle} applies
   * from the next run without redeploying the diagram (the engine reads them once by default).
   */
  @Bean
  public ProcessEnginePlugin timerCyclesFromConfigurationPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setReevaluateTimeCycleWhenDue(true);
      }
    };
  }
}
