package cn.court.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.escalation.TimeLimitsSpringTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Seed §3: every node has a time limit. Every user task of every diagram in
 * {@code processes/} names a limit of the table, and every process with user tasks carries
 * the "节点时限监控" event sub-process — so a new diagram without them fails the build.
 */
@TimeLimitsSpringTest
class EveryUserTaskHasATimeLimitTest {

  @Autowired RepositoryService repository;
  @Autowired Deadlines deadlines;

  @Test
  void everyUserTaskNamesALimitOfTheTableAndEveryProcessIsMonitored() throws IOException {
    List<String> problems = new ArrayList<>();
    List<Path> diagrams = diagrams();
    assertThat(diagrams).isNotEmpty();
    for (Path diagram : diagrams) {
      BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        // deployed by the application, i.e. the parse listener accepted every limit name
        if (repository.createProcessDefinitionQuery().processDefinitionKey(process.getId()).count() == 0) {
          problems.add(process.getId() + "：未部署");
        }
        boolean hasUserTasks = model.getModelElementsByType(UserTask.class).stream()
            .anyMatch(task -> processOf(task) == process);
        if (hasUserTasks && !monitored(process)) {
          problems.add(process.getId() + "：缺少“节点时限监控”事件子流程");
        }
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String where = diagram.getFileName() + " " + task.getId() + "（" + task.getName() + "）";
        Optional<String> limit = timeLimitOf(task);
        if (limit.isEmpty()) {
          problems.add(where + "：没有 timeLimit 属性");
        } else if (!known(limit.get())) {
          problems.add(where + "：时限表中没有 '" + limit.get() + "'");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static List<Path> diagrams() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  private boolean known(String limit) {
    try {
      deadlines.limit(limit);
      return true;
    } catch (ProcessEngineException unknown) {
      return false;
    }
  }

  private static Optional<String> timeLimitOf(BaseElement element) {
    if (element.getExtensionElements() == null) {
      return Optional.empty();
    }
    return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> TimeLimitParseListener.PROPERTY.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst();
  }

  private static Process processOf(ModelElementInstance element) {
    ModelElementInstance parent = element.getParentElement();
    return parent instanceof Process process ? process : processOf(parent);
  }

  /** An event sub-process of the process whose service task is ${escalateOverdueNodes}. */
  private static boolean monitored(Process process) {
    return process.getChildElementsByType(SubProcess.class).stream()
        .filter(SubProcess::triggeredByEvent)
        .flatMap(sub -> sub.getChildElementsByType(ServiceTask.class).stream())
        .anyMatch(task -> "${escalateOverdueNodes}".equals(task.getCamundaDelegateExpression()));
  }
}
