package cn.court.enforcement.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** Production's administrator password must meet the same rules the engine applies to every later password. */
class ProductionPasswordRulesTest {

  private static void check(String password) {
    MockEnvironment env = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "court-admin")
        .withProperty("camunda.bpm.admin-user.password", password);
    env.setActiveProfiles(ProductionCredentialsCheck.PRODUCTION_PROFILE);
    new ProductionCredentialsCheck().postProcessEnvironment(env, new SpringApplication());
  }

  @Test
  void aPasswordContainingTheAdministratorsIdIsRefused() {
    assertThatThrownBy(() -> check("court-admin-2026")).isInstanceOf(InsecureConfigurationException.class)
        .hasMessageContaining("不包含用户名");
  }

  @Test
  void aPasswordTheEngineWouldAcceptIsAccepted() {
    assertThatCode(() -> check("Qiuyue-Zhixing-88")).doesNotThrowAnyException();
  }
}
