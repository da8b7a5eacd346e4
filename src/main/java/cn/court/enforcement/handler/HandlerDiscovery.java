package cn.court.enforcement.handler;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Registers {@link ReleaseOwnTask} in every Jersey application of the process ({@code /engine-rest}
 * and the webapps' engine API, which Tasklist calls). Found through {@code META-INF/services}.
 */
public class HandlerDiscovery implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(ReleaseOwnTask.class)) {
      context.register(ReleaseOwnTask.class);
    }
  }
}
