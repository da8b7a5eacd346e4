package cn.court.enforcement.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Instances started under the diagrams of old ({@code legacy-monitored.bpmn}: the former
 * "节点时限监控" event sub-process) lose their own timer at start-up and keep running.
 */
class RetireInstanceMonitorsTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml").build();

  ProcessEngine engine;

  @Test
  @Deployment(resources = "legacy-monitored.bpmn")
  void theOldPerInstanceTimersAreDeletedOnceAndTheInstancesRunOn() {
    ManagementService management = engine.getManagementService();
    for (int k = 0; k < 3; k++) {
      engine.getRuntimeService().startProcessInstanceByKey("legacy-monitored");
    }
    assertThat(management.createJobQuery().activityId(RetireInstanceMonitors.MONITOR_TIMER).count()).isEqualTo(3);

    RetireInstanceMonitors retire = new RetireInstanceMonitors(management);
    assertThat(retire.retire()).isEqualTo(3);
    assertThat(retire.retire()).isZero();

    assertThat(management.createJobQuery().count()).isZero();
    assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey("legacy-monitored").count()).isEqualTo(3);
  }
}
