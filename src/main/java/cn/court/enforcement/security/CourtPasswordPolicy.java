package cn.court.enforcement.security;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The court's password rules, built from Camunda's own rule classes so that the engine enforces
 * them and Camunda's webapps list them: at least {@value #MIN_LENGTH} characters, and not
 * containing the user id, name or e-mail. No character-class rules: length is what resists
 * guessing, and composition rules push people towards {@code Abc123!} patterns.
 */
public class CourtPasswordPolicy implements PasswordPolicy {

  public static final int MIN_LENGTH = 10;

  private final List<PasswordPolicyRule> rules =
      List.of(new PasswordPolicyLengthRuleImpl(MIN_LENGTH), new PasswordPolicyUserDataRuleImpl());

  @Override
  public List<PasswordPolicyRule> getRules() {
    return rules;
  }

  /** The Chinese wording of the rules {@code password} breaks for {@code user}; empty when it meets them all. */
  public String violations(String password, User user) {
    return rules.stream().filter(rule -> !rule.execute(password, user))
        .map(CourtPasswordPolicy::describe).collect(Collectors.joining("；"));
  }

  /** For a user that is not in the database yet (the production administrator at start-up). */
  public String violations(String password, String userId) {
    return violations(password, new UserEntity(userId));
  }

  private static String describe(PasswordPolicyRule rule) {
    if (PasswordPolicyLengthRuleImpl.PLACEHOLDER.equals(rule.getPlaceholder())) {
      return "至少 " + MIN_LENGTH + " 个字符";
    }
    return "不包含用户名、姓名或邮箱";
  }
}
