package cn.court.enforcement.support;

import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Keeps at most one Spring test context open. Camunda registers its engine under one name in a
 * JVM-wide container, so two cached application contexts cannot coexist; but closing every
 * context after its class made each test class pay a start of its own (~15 s). So a context stays
 * open for the next classes of the same configuration (Spring's context cache finds it; {@link
 * SameContextTogether} runs them one after the other), and is closed only when a class needs
 * another one, before that one starts. Registered for all tests in {@code META-INF/spring.factories}.
 */
public class OneEngineAtATime extends AbstractTestExecutionListener {

  /**
   * The last class's test context that had an application context. Static as Spring's context
   * cache is: the listener is created anew for each test class.
   */
  private static TestContext open;

  /** Before the context is loaded: per-class test instances are injected before beforeTestClass. */
  @Override
  public void prepareTestInstance(TestContext testContext) {
    closeOtherContext(testContext);
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    closeOtherContext(testContext);
  }

  @Override
  public void afterTestClass(TestContext testContext) {
    if (testContext.hasApplicationContext()) {
      open = testContext;
    }
  }

  private static void closeOtherContext(TestContext testContext) {
    if (open != null && !testContext.hasApplicationContext()) {
      if (open.hasApplicationContext()) {
        open.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
      }
      open = null;
    }
  }

  /** First, so the other context is closed before any listener loads this class's. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
