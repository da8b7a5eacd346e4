package cn.court.enforcement.security;

import jakarta.servlet.Filter;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's REST API and our own {@code /api} answer only to authenticated staff (HTTP
 * Basic against Camunda's users); the engine then applies the same authorizations as in
 * the webapps. In front of every password check sits {@link LoginGuardFilter}; behind the
 * authentication, {@link IdentityChangeFilter} keeps identities as the organisation file says.
 * Camunda's own webapp filters (session, CSRF) are registered after all of these.
 */
@Configuration
public class RestAuthenticationConfiguration {

  @Bean
  public LoginThrottle loginThrottle() {
    return new LoginThrottle(Clock.systemUTC());
  }

  @Bean
  public FilterRegistrationBean<Filter> loginGuardFilter(LoginThrottle throttle, ObjectProvider<LoginFailures> failures,
      ObjectProvider<ProcessEngineConfigurationImpl> engine) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new LoginGuardFilter(throttle, failures, engine));
    registration.setName("court-login-guard");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/admin/auth/user/*");
    registration.setOrder(0);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<Filter> restAuthenticationFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("court-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(1);
    return registration;
  }

  /** {@code /api}: HTTP Basic, and for reads also the webapp session (the application's own pages). */
  @Bean
  public FilterRegistrationBean<Filter> apiAuthenticationFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("court-api-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        WebappSessionAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/api/*");
    registration.setOrder(1);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<Filter> identityChangeFilter(ObjectProvider<IdentityService> identity) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new IdentityChangeFilter(identity));
    registration.setName("court-identity-changes");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(2);
    return registration;
  }
}
