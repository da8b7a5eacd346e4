package cn.court.enforcement.casefile;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The set-up the case's process tests share: the plain engine of process-test.camunda.cfg.xml
 * (no Spring) and the case's delegates registered as mocks for each test. A subclass names its
 * diagrams with {@code @Deployment} and adds its own beans in a differently named {@code @BeforeEach}.
 */
abstract class PlainEngineCaseTest {

  // One per test instance: a static one in this base class would be shared by its subclasses,
  // and the extension forgets its engine after the first class.
  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml").build();

  protected CaseTestBeans beans;

  @BeforeEach
  void registerCaseBeans(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    beans = new CaseTestBeans().register();
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }
}
