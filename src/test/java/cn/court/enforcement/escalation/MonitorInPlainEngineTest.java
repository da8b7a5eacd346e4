package cn.court.enforcement.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The recipe in docs/time-limits.md for flow tests of diagrams that contain the monitor. */
class MonitorInPlainEngineTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml").build();

  ProcessEngine engine;

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  @Deployment(resources = "escalation-test.bpmn")
  void theMonitorRunsWithAMockedBean() throws Exception {
    EscalateOverdueNodes monitor = mock(EscalateOverdueNodes.class);
    when(monitor.getCheckCycle()).thenReturn("R/P1D");
    Mocks.register("escalateOverdueNodes", monitor);

    String instance = engine.getRuntimeService().startProcessInstanceByKey("escalation-test").getId();
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance).timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());

    verify(monitor).execute(any());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).count()).isOne();
  }
}
