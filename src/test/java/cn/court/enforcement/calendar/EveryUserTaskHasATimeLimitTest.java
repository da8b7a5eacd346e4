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
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Seed §3: every node has a time limit. Every user task of every diagram in
 * {@code processes/} names a limit of the table — so a new diagram without one fails the build
 * — and one timer, the {@code escalation-sweep} process's, watches them all: no deployed
 * diagram carries a monitor of its own any more.
 */
@TimeLimitsSpringTest
class EveryUserTaskHasATimeLimitTest {

  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired Deadlines deadlines;

  @Test
  void everyUserTaskNamesALimitOfTheTable() throws IOException {
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
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String where = diagram.getFileName() + " " + task.getId() + "（" + task.getName() + "）";
        Optional<String> limit = timeLimitOf(task);
        if (limit.isEmpty() || TimeLimitParseListener.names(limit.get()).isEmpty()) {
          problems.add(where + "：没有 timeLimit 属性");
        } else {
          TimeLimitParseListener.names(limit.get()).stream().filter(name -> !known(name))
              .forEach(name -> problems.add(where + "：时限表中没有 '" + name + "'"));
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

  @Test
  void oneSweepTimerAndNoDeployedDiagramWithAMonitorOfItsOwn() {
    assertThat(management.createJobQuery().timers().processDefinitionKey("escalation-sweep").count()).isOne();
    List<ProcessDefinition> deployed = repository.createProcessDefinitionQuery().latestVersion().list();
    assertThat(deployed).extracting(ProcessDefinition::getKey).contains("enforcement-case", "asset-disposal",
        "case-funds", "dossier", "termination-review", "time-limit-extension");
    for (ProcessDefinition definition : deployed) {
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      assertThat(model.<ModelElementInstance>getModelElementById("SubProcess_NodeTimeLimits")).as(definition.getKey()).isNull();
      assertThat(model.getModelElementsByType(SubProcess.class)).as(definition.getKey())
          .noneMatch(EveryUserTaskHasATimeLimitTest::isInstanceMonitor);
    }
  }

  /** A timer event sub-process calling an escalation delegate: the per-instance check the sweep replaced. */
  private static boolean isInstanceMonitor(SubProcess sub) {
    return sub.triggeredByEvent()
        && sub.getChildElementsByType(StartEvent.class).stream()
            .anyMatch(start -> start.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance))
        && sub.getChildElementsByType(ServiceTask.class).stream()
            .anyMatch(task -> String.valueOf(task.getCamundaDelegateExpression()).contains("escalat"));
  }
}
