package cn.court.enforcement.support;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.BootstrapWith;

/**
 * Orders test classes so that those with the same Spring configuration (the key of Spring's
 * context cache) run one after the other and share one application context ({@link
 * OneEngineAtATime} keeps one open at a time). Classes without Spring come first, so their own
 * engines never meet an open Spring one; among classes of one configuration, one that dirties
 * its context (a lasting change such as a locked user) comes last. Otherwise by name, the same on
 * every machine. Set in {@code junit-platform.properties}.
 */
public class SameContextTogether implements ClassOrderer {

  @Override
  public void orderClasses(ClassOrdererContext context) {
    List<? extends ClassDescriptor> classes = context.getClassDescriptors();
    classes.sort(Comparator.comparing(descriptor -> descriptor.getTestClass().getName()));
    Map<Object, Integer> configurations = new HashMap<>();
    Map<Class<?>, Integer> group = new HashMap<>();
    for (ClassDescriptor descriptor : classes) {
      Object configuration = configuration(descriptor.getTestClass());
      group.put(descriptor.getTestClass(),
          configuration == null ? -1 : configurations.computeIfAbsent(configuration, key -> configurations.size()));
    }
    classes.sort(Comparator.<ClassDescriptor>comparingInt(descriptor -> group.get(descriptor.getTestClass()))
        .thenComparing(descriptor -> descriptor.isAnnotated(DirtiesContext.class)));
  }

  /** What Spring's context cache keys on, or null for a class without Spring. */
  private static Object configuration(Class<?> testClass) {
    if (!MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).isPresent(BootstrapWith.class)) {
      return null;
    }
    try {
      return BootstrapUtils.resolveTestContextBootstrapper(testClass).buildMergedContextConfiguration();
    } catch (RuntimeException e) {
      return testClass; // a configuration Spring cannot read fails in the test itself, alone
    }
  }
}
