package cn.court.enforcement.security;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the production profile with a missing or well-known administrator
 * password, before anything is written to the database.
 */
public class ProductionCredentialsCheck implements EnvironmentPostProcessor, Ordered {

  static final String PRODUCTION_PROFILE = "postgres";
  private static final Set<String> KNOWN_DEMO_PASSWORDS =
      Set.of("demo", "admin", "password", "camunda", "123456", "12345678", "changeme", "secret");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (!env.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE))) {
      return;
    }
    String user = env.getProperty("camunda.bpm.admin-user.id", "").trim();
    String password = env.getProperty("camunda.bpm.admin-user.password", "");
    if (user.isEmpty() || password.isEmpty()) {
      throw new InsecureConfigurationException(
          "生产环境（postgres）未设置管理员账号：请设置环境变量 COURT_ADMIN_USER 和 COURT_ADMIN_PASSWORD。");
    }
    // The same rules the engine applies to every password set later (CourtPasswordPolicy).
    String violations = new CourtPasswordPolicy().violations(password, user);
    if (KNOWN_DEMO_PASSWORDS.contains(password.toLowerCase(Locale.ROOT)) || !violations.isEmpty()) {
      throw new InsecureConfigurationException("生产环境（postgres）的管理员密码 COURT_ADMIN_PASSWORD 是演示或弱密码："
          + "密码须" + (violations.isEmpty() ? "不同于演示密码" : violations) + "。");
    }
  }

  @Override
  public int getOrder() {
    // After Boot has read application-*.yml and the active profiles.
    return Ordered.LOWEST_PRECEDENCE;
  }
}
