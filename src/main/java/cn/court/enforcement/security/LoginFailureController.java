package cn.court.enforcement.security;

import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.security.LoginFailures.LoginFailure;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Failed logins for administrators: {@code curl -u admin:*** http://localhost:8080/api/security/login-failures}. */
@RestController
public class LoginFailureController {

  static final int MAX_ROWS = 1000;

  private final CurrentStaff currentStaff;
  private final LoginFailures failures;

  public LoginFailureController(CurrentStaff currentStaff, LoginFailures failures) {
    this.currentStaff = currentStaff;
    this.failures = failures;
  }

  @GetMapping("/api/security/login-failures")
  public List<LoginFailure> latest(@RequestParam(defaultValue = "100") int limit) {
    currentStaff.inAnyOf(Set.of(Organisation.ADMIN_GROUP), "只有系统管理员可以查看登录失败记录。");
    return failures.latest(Math.max(1, Math.min(limit, MAX_ROWS)));
  }
}
