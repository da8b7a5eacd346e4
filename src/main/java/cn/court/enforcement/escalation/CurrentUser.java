package cn.court.enforcement.escalation;

import java.util.Collection;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The member of staff the REST authentication filter authenticated for this request. */
@Component("escalationCurrentUser")
public class CurrentUser {

  private final IdentityService identity;

  public CurrentUser(IdentityService identity) {
    this.identity = identity;
  }

  public Authentication required() {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new ApiRefusal(HttpStatus.UNAUTHORIZED, "请先登录。");
    }
    return authentication;
  }

  /** The current user, who must belong to one of {@code groups}. */
  public Authentication inAnyOf(Collection<String> groups, String refusal) {
    Authentication authentication = required();
    if (authentication.getGroupIds() == null || authentication.getGroupIds().stream().noneMatch(groups::contains)) {
      throw new ApiRefusal(HttpStatus.FORBIDDEN, refusal);
    }
    return authentication;
  }
}
