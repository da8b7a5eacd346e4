package cn.court.enforcement.support;

import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Closes every Spring test context after its test class. Camunda registers its engine under
 * one name in a JVM-wide container, so two cached application contexts cannot coexist.
 * Registered for all tests in {@code META-INF/spring.factories}.
 */
public class OneEngineAtATime extends AbstractTestExecutionListener {

  @Override
  public void afterTestClass(TestContext testContext) {
    if (testContext.hasApplicationContext()) {
      testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
