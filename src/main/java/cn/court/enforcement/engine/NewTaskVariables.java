package cn.court.enforcement.engine;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableCollectionProvider;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A user task being created has no variables of its own yet, and the engine is told so instead of
 * asking the database. Camunda does this for a new execution, not for a new task: the first listener
 * that reads or sets a variable through the task (the circulation register's number, a form's
 * options) selected the task's local variables, of which there are none — once per task created,
 * 13 statements per ordinary case. The first built-in create listener of every user task (this plugin
 * is ordered first) marks them as known and empty; variables set later are inserted as usual.
 */
@Component
@Order(0)
public class NewTaskVariables extends ParseListenerPlugin {

  private static final TaskListener ON_CREATE = task -> none((TaskEntity) task);

  public NewTaskVariables() {
    super(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, ON_CREATE);
      }
    });
  }

  /** Nothing has touched the task's variables before its create event; if something had, they stay as loaded. */
  static void none(TaskEntity task) {
    VariableStore<CoreVariableInstance> store = VariableStores.of(task);
    if (!store.isInitialized()) {
      store.setVariablesProvider(VariableCollectionProvider.emptyVariables());
      store.forceInitialization();
    }
  }
}
