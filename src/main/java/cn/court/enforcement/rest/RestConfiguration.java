package cn.court.enforcement.rest;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Additions to Camunda's REST API (a Jersey application under /engine-rest). */
@Configuration
public class RestConfiguration {

  @Bean
  public ResourceConfigCustomizer refusedInputAsBadRequest() {
    return config -> config.register(RefusedInputMapper.class);
  }
}
