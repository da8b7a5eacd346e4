package cn.court.enforcement.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code escalation-sweep} diagram in a plain engine: one timer for the whole engine, whose
 * cycle comes from the bean, and no timer of its own in a process with limited tasks — flow
 * tests of the court's diagrams need no escalation mock.
 */
class SweepProcessInPlainEngineTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml").build();

  ProcessEngine engine;

  EscalationSweep sweep = mock(EscalationSweep.class);

  /** Before the extension deploys: the timer's cycle is read at deployment. */
  @BeforeEach
  void registerSweep() {
    when(sweep.getCycle()).thenReturn("R/PT15M");
    Mocks.register("escalationSweep", sweep);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  @Deployment(resources = {"processes/escalation-sweep.bpmn", "escalation-test.bpmn"})
  void oneTimerSweepsAndSchedulesTheNextRunWhileInstancesHaveNoTimer() {
    ManagementService management = engine.getManagementService();

    String instance = engine.getRuntimeService().startProcessInstanceByKey("escalation-test").getId();
    assertThat(management.createJobQuery().processInstanceId(instance).count()).isZero();

    Job timer = management.createJobQuery().processDefinitionKey("escalation-sweep").timers().singleResult();
    ClockUtil.setCurrentTime(timer.getDuedate());
    management.executeJob(timer.getId());

    verify(sweep).execute(any());
    Job next = management.createJobQuery().processDefinitionKey("escalation-sweep").timers().singleResult();
    assertThat(next.getDuedate()).isCloseTo(new Date(timer.getDuedate().getTime() + 15 * 60_000), 1000);
  }
}
