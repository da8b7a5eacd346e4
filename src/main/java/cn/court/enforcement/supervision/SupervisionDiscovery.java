package cn.court.enforcement.supervision;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Registers {@link DirectReassignmentRefusal} in every Jersey application of the process
 * ({@code /engine-rest} and the webapps' engine API, which Tasklist calls). Found through
 * {@code META-INF/services}.
 */
public class SupervisionDiscovery implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(DirectReassignmentRefusal.class)) {
      context.register(DirectReassignmentRefusal.class);
    }
  }
}
