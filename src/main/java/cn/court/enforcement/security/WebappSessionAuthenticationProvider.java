package cn.court.enforcement.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * Our own {@code /api} pages (supervision, the case page) are opened in the browser by staff who
 * are logged in to the Camunda webapps: a read ({@code GET}) is authenticated by that webapp
 * session, anything else only by HTTP Basic. Reads only, because the webapps' CSRF protection
 * covers {@code /camunda/api/*} and not {@code /api}: a cross-site form could otherwise act with
 * the session. Without a session the answer is HTTP Basic's, challenge included.
 */
public class WebappSessionAuthenticationProvider extends HttpBasicAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    HttpSession session = request.getSession(false);
    if (session != null && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      Authentication user = authentications == null ? null
          : authentications.getAuthenticationForProcessEngine(engine.getName());
      if (user != null) {
        return AuthenticationResult.successful(user.getIdentityId());
      }
    }
    return super.extractAuthenticatedUser(request, engine);
  }
}
