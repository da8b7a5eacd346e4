package cn.court.enforcement.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.court.enforcement.EnforcementApplication;
import cn.court.enforcement.security.InsecureConfigurationException;
import cn.court.enforcement.security.StartupRefusalAnalyzer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The production profile refuses to start without safe administrator credentials. */
class ProductionProfileRefusalTest {

  private static Throwable start(String... args) {
    return catchThrowable(() -> new SpringApplicationBuilder(EnforcementApplication.class)
        .profiles("postgres").run(args).close());
  }

  private static String report(Throwable failure) {
    FailureAnalysis analysis = new StartupRefusalAnalyzer().analyze(failure);
    assertThat(analysis).as("a short start-up report, not a stack trace").isNotNull();
    return analysis.getDescription();
  }

  @Test
  void missingAdministratorIsRefused() {
    Throwable failure = start();
    assertThat(failure).isInstanceOf(InsecureConfigurationException.class);
    assertThat(report(failure)).contains("COURT_ADMIN_USER", "COURT_ADMIN_PASSWORD").doesNotContain("\n");
  }

  @Test
  void demoOrWeakPasswordsAreRefused() {
    for (String password : new String[] {"demo", "admin", "court-admin", "short1"}) {
      Throwable failure = start("--camunda.bpm.admin-user.id=court-admin", "--camunda.bpm.admin-user.password=" + password);
      assertThat(failure).as(password).isInstanceOf(InsecureConfigurationException.class);
      assertThat(report(failure)).contains("演示或弱密码");
    }
  }
}
