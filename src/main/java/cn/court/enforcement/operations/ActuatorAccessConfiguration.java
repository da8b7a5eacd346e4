package cn.court.enforcement.operations;

import cn.court.enforcement.security.LoginFailures;
import cn.court.enforcement.security.LoginGuardFilter;
import cn.court.enforcement.security.LoginThrottle;
import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /actuator} logs in like {@code /engine-rest} and {@code /api}: HTTP Basic against Camunda's users behind the
 * same login guard (throttle, failed-login records), see {@code security/RestAuthenticationConfiguration}. Health
 * answers anyone; everything else needs a member of {@code court.operations.monitoring-groups}.
 */
@Configuration
@EnableConfigurationProperties(OperationsProperties.class)
public class ActuatorAccessConfiguration {

  private static final String ACTUATOR = "/actuator/*";

  @Bean
  public FilterRegistrationBean<Filter> actuatorLoginGuard(LoginThrottle throttle, ObjectProvider<LoginFailures> failures,
      ObjectProvider<ProcessEngineConfigurationImpl> engine) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new LoginGuardFilter(throttle, failures, engine));
    registration.setName("court-actuator-login-guard");
    registration.addUrlPatterns(ACTUATOR);
    registration.setOrder(0);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<Filter> actuatorAuthentication(OperationsProperties properties,
      ObjectProvider<IdentityService> identity) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new MonitoringAuthentication(properties.monitoringGroups(), identity));
    registration.setName("court-actuator-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(ACTUATOR);
    registration.setOrder(1);
    return registration;
  }
}
