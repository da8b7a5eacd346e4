package cn.court.enforcement.rest;

import jakarta.ws.rs.core.FeatureContext;
import java.util.List;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Registers the {@link FormSubmissionGuard} and the {@link ChineseErrors} mappers in every
 * Jersey application of the process: Camunda's {@code /engine-rest} and the webapps' own APIs,
 * through which Tasklist submits forms. Found by Jersey through {@code META-INF/services}.
 */
public class RefusedInputDiscovery implements ForcedAutoDiscoverable {

  private static final List<Class<?>> PROVIDERS = List.of(FormSubmissionGuard.class,
      ChineseErrors.ForThrowable.class, ChineseErrors.ForEngine.class, ChineseErrors.ForRest.class,
      ChineseErrors.ForJson.class, ChineseErrors.ForJsonParse.class, ChineseErrors.ForJsonMapping.class);

  @Override
  public void configure(FeatureContext context) {
    for (Class<?> provider : PROVIDERS) {
      if (!context.getConfiguration().isRegistered(provider)) {
        context.register(provider);
      }
    }
  }
}
