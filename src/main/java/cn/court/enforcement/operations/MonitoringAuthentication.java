package cn.court.enforcement.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Camunda's HTTP Basic authentication for {@code /actuator}, with two differences from {@code /engine-rest}: health
 * may be asked without credentials (a container's probe), and after authentication only members of the monitoring
 * groups pass (403 otherwise). For them the request carries a principal, so the health endpoint
 * ({@code show-details: when-authorized}) shows its details to them and to nobody else.
 */
class MonitoringAuthentication extends ProcessEngineAuthenticationFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> monitoringGroups;
  private final ObjectProvider<IdentityService> identity;

  MonitoringAuthentication(List<String> monitoringGroups, ObjectProvider<IdentityService> identity) {
    this.monitoringGroups = monitoringGroups;
    this.identity = identity;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean health = isHealth((HttpServletRequest) request);
    if (health && ((HttpServletRequest) request).getHeader("Authorization") == null) {
      chain.doFilter(request, response);
      return;
    }
    super.doFilter(request, response, (req, res) -> admit((HttpServletRequest) req, (HttpServletResponse) res, health, chain));
  }

  private void admit(HttpServletRequest request, HttpServletResponse response, boolean health, FilterChain chain)
      throws IOException, ServletException {
    Authentication user = identity.getObject().getCurrentAuthentication();
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (groups.stream().anyMatch(monitoringGroups::contains)) {
      chain.doFilter(new Monitor(request, user.getUserId(), groups), response);
    } else if (health) {
      chain.doFilter(request, response);
    } else {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json;charset=UTF-8");
      JSON.writeValue(response.getOutputStream(),
          Map.of("type", "AuthorizationException", "message", "您无权查看系统运行监控数据。"));
    }
  }

  /** The decoded, normalised path: {@code /actuator/health/../prometheus} is not health. */
  private static boolean isHealth(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
  }

  /** A member of a monitoring group, as Spring Boot's endpoints ask for one. */
  private static final class Monitor extends HttpServletRequestWrapper {

    private final Principal principal;
    private final List<String> groups;

    Monitor(HttpServletRequest request, String userId, List<String> groups) {
      super(request);
      this.principal = () -> userId;
      this.groups = groups;
    }

    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
      return groups.contains(role);
    }
  }
}
