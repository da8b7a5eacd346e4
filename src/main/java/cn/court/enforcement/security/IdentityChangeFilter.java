package cn.court.enforcement.security;

import cn.court.enforcement.organisation.Organisation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names and accounts come from the organisation file ({@code OrganisationSync}): staff may
 * change their own password but not their profile, and may not delete users. The engine cannot
 * tell the two changes apart (UPDATE on one's own user covers both, see {@link AccessPolicy}),
 * so this filter refuses profile edits and deletions by anyone outside {@code camunda-admin},
 * on {@code /engine-rest} and on the webapps' engine API (the Welcome app's profile page). It
 * also answers a new password that breaks {@link CourtPasswordPolicy} with a Chinese 400; the
 * engine refuses such a password as well, but Camunda's REST API reports that as a 500.
 */
public class IdentityChangeFilter extends OncePerRequestFilter {

  /** Group 1: the webapp's engine; 2: the user id; 3: the sub-resource. */
  private static final Pattern USER_PATH = Pattern.compile(
      "(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/([^/]+))/user/([^/]+)(/profile|/credentials)?/?");

  private static final ObjectMapper JSON = new ObjectMapper();
  private final CourtPasswordPolicy policy = new CourtPasswordPolicy();
  private final ObjectProvider<IdentityService> identity;

  /** The provider is read per request: filters are built before the engine is. */
  public IdentityChangeFilter(ObjectProvider<IdentityService> identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher path = USER_PATH.matcher(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()));
    if (!path.matches()) {
      chain.doFilter(request, response);
      return;
    }
    String method = request.getMethod();
    String part = path.group(3);
    if ("PUT".equals(method) && "/profile".equals(part) && !isAdministrator(request, path.group(1))) {
      JsonRefusal.send(response, 403, "AuthorizationException", "姓名等个人信息以组织机构文件为准，只有系统管理员可以修改。");
    } else if ("DELETE".equals(method) && part == null && !isAdministrator(request, path.group(1))) {
      JsonRefusal.send(response, 403, "AuthorizationException", "只有系统管理员可以删除用户。");
    } else if ("PUT".equals(method) && "/credentials".equals(part)) {
      ReadAheadRequest body = new ReadAheadRequest(request);
      String violations = violations(body, path.group(2));
      if (violations.isEmpty()) {
        chain.doFilter(body, response);
      } else {
        JsonRefusal.send(response, 400, "InvalidRequestException", "新密码不符合要求：须" + violations + "。");
      }
    } else {
      chain.doFilter(request, response);
    }
  }

  /** The rules the requested new password breaks; empty when it meets them or cannot be read (the engine decides). */
  private String violations(ReadAheadRequest body, String userId) {
    JsonNode password;
    try {
      password = JSON.readTree(body.head()).path("password");
    } catch (IOException unreadable) {
      return "";
    }
    User user = identity.getObject().createUserQuery().userId(userId).singleResult();
    return password.isTextual() && user != null ? policy.violations(password.asText(), user) : "";
  }

  /**
   * On {@code /engine-rest} the REST authentication filter (before this one) has set the
   * engine's authentication; the webapps keep theirs in the session, which their own filters
   * (after this one) read.
   */
  private boolean isAdministrator(HttpServletRequest request, String webappEngine) {
    List<String> groups;
    if (webappEngine == null) {
      Authentication authentication = identity.getObject().getCurrentAuthentication();
      groups = authentication == null ? null : authentication.getGroupIds();
    } else {
      HttpSession session = request.getSession(false);
      Object webappUser = session == null ? null
          : AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(webappEngine);
      groups = webappUser instanceof UserAuthentication user ? user.getGroupIds() : null;
    }
    return groups != null && groups.contains(Organisation.ADMIN_GROUP);
  }
}
