package cn.court.enforcement.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Installs {@link CourtPasswordPolicy} and switches it on once the engine is built. While the
 * engine is being built, the starter creates the configured administrator (the demo's
 * {@code admin}/{@code demo} would fail any policy; production's is checked against the same
 * rules by {@link ProductionCredentialsCheck} before start-up); the organisation sync, which
 * runs after this plugin, writes its own passwords past the policy. From then on every password
 * a person sets, in Admin, Welcome or over REST, must meet it.
 */
@Component
public class PasswordPolicyPlugin extends AbstractProcessEnginePlugin implements Ordered {

  /** After the starter's CreateAdminUserConfiguration (order 0). */
  static final int ORDER = 1;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setPasswordPolicy(new CourtPasswordPolicy());
    configuration.setEnablePasswordPolicy(false);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).setEnablePasswordPolicy(true);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
