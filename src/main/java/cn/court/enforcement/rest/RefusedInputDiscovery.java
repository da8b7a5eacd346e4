package cn.court.enforcement.rest;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Registers {@link RefusedInputMapper} in every Jersey application of the process: Camunda's
 * {@code /engine-rest} and the webapps' own engine API, through which Tasklist submits forms.
 * Found by Jersey through {@code META-INF/services}; elsewhere the mapper changes nothing, since
 * it hands every other exception to Camunda's own handler.
 */
public class RefusedInputDiscovery implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(RefusedInputMapper.class)) {
      context.register(RefusedInputMapper.class);
    }
  }
}
