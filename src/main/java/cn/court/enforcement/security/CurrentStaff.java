package cn.court.enforcement.security;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The member of staff the REST authentication filter authenticated for this request, for the
 * application's own {@code /api} endpoints.
 */
@Component
public class CurrentStaff {

  private final IdentityService identity;

  public CurrentStaff(IdentityService identity) {
    this.identity = identity;
  }

  public Authentication required() {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new ApiRefusal(HttpStatus.UNAUTHORIZED, "请先登录。");
    }
    return authentication;
  }

  /** The current user, who must belong to one of {@code groups}; otherwise 403 with {@code refusal}. */
  public Authentication inAnyOf(Collection<String> groups, String refusal) {
    Authentication authentication = required();
    List<String> own = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (own.stream().noneMatch(groups::contains)) {
      throw new ApiRefusal(HttpStatus.FORBIDDEN, refusal);
    }
    return authentication;
  }
}
