package cn.court.enforcement.security;

import cn.court.enforcement.security.LoginFailures.Channel;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of both password checks: HTTP Basic on {@code /engine-rest} and {@code /api}, and the
 * webapps' login form. An address that keeps failing is refused with 429 before any password is
 * checked ({@link LoginThrottle}); every failed login is recorded ({@link LoginFailures}).
 *
 * <p>The per-user delay is the engine's own (a failed login locks the user for a few seconds,
 * see application.yml). While that lock lasts the engine refuses even the right password
 * without checking it; such a refusal is no guess, so it does not count against the address:
 * otherwise a stranger's failures would get the real user's own address closed.
 */
public class LoginGuardFilter extends OncePerRequestFilter {

  private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

  private record Attempt(HttpServletRequest request, String user, Channel channel) {}

  private final LoginThrottle throttle;
  private final ObjectProvider<LoginFailures> failures;
  private final ObjectProvider<ProcessEngineConfigurationImpl> engine;

  /** The providers are read per request: filters are built before the engine is. */
  public LoginGuardFilter(LoginThrottle throttle, ObjectProvider<LoginFailures> failures,
      ObjectProvider<ProcessEngineConfigurationImpl> engine) {
    this.throttle = throttle;
    this.failures = failures;
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Attempt attempt = attemptIn(request);
    if (attempt == null) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    Duration wait = throttle.waitFor(address);
    if (!wait.isZero()) {
      long seconds = (wait.toMillis() + 999) / 1000;
      response.setHeader("Retry-After", Long.toString(seconds));
      JsonRefusal.send(response, 429, "TooManyLoginFailures", "登录失败次数过多，请 " + seconds + " 秒后再试。");
      return;
    }
    boolean lockedBefore = lockedByEngine(attempt.user());
    chain.doFilter(attempt.request(), response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED && !lockedBefore) {
      throttle.failed(address, attempt.user());
      failures.getObject().record(attempt.user(), address, attempt.channel());
    }
  }

  /** The credentials the request carries, or null when it carries none. */
  private static Attempt attemptIn(HttpServletRequest request) throws IOException {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
      ReadAheadRequest form = new ReadAheadRequest(request);
      String user = form.formField("username");
      return new Attempt(form, user == null ? "" : user, Channel.WEBAPP);
    }
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String credentials;
    try {
      credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      credentials = "";
    }
    int colon = credentials.indexOf(':');
    return new Attempt(request, colon < 0 ? credentials : credentials.substring(0, colon), Channel.REST);
  }

  /** Whether the engine locks {@code user} now; looked up only after a recent failure here. */
  private boolean lockedByEngine(String user) {
    ProcessEngineConfigurationImpl configuration = engine.getObject();
    if (!throttle.failedRecently(user, Duration.ofSeconds(configuration.getLoginDelayMaxTime()))) {
      return false;
    }
    User found = configuration.getIdentityService().createUserQuery().userId(user).singleResult();
    return found instanceof UserEntity entity
        && (entity.getAttempts() >= configuration.getLoginMaxAttempts()
            || entity.getLockExpirationTime() != null && ClockUtil.getCurrentTime().before(entity.getLockExpirationTime()));
  }
}
