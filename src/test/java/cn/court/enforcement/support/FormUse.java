package cn.court.enforcement.support;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/** One place a Camunda Form is shown: a user task, or the start event of a process. */
public record FormUse(ProcessDefinition process, String activityId, String activityName, String formId, boolean start) {

  /** Every user task and start event with a {@code camunda:formRef} in the latest deployed definitions. */
  public static List<FormUse> deployed(RepositoryService repository) {
    List<FormUse> uses = new ArrayList<>();
    for (ProcessDefinition process : repository.createProcessDefinitionQuery().latestVersion()
        .orderByProcessDefinitionKey().asc().list()) {
      BpmnModelInstance model = repository.getBpmnModelInstance(process.getId());
      for (StartEvent event : model.getModelElementsByType(StartEvent.class)) {
        if (event.getCamundaFormRef() != null) {
          uses.add(new FormUse(process, event.getId(), event.getName(), event.getCamundaFormRef(), true));
        }
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        if (task.getCamundaFormRef() != null) {
          uses.add(new FormUse(process, task.getId(), task.getName(), task.getCamundaFormRef(), false));
        }
      }
    }
    return uses;
  }

  @Override
  public String toString() {
    return process.getKey() + " · " + activityName + " (" + activityId + ") · " + formId;
  }
}
