package cn.court.enforcement.supervision;

import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.rest.RefusedRequest;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * Tasklist offers everybody its assignee field, its reset and its groups editor, and the REST
 * API the same as {@code task/{id}/assignee}, {@code delegate} and {@code identity-links}: a
 * change there records no reason. Only administrators use them; everybody else gets a Chinese
 * 403 naming the way that does ({@code task-reassignment}). Staff lack the grant anyway
 * (TASK_WORK); this also covers supervisors and says what to do. Claiming for oneself and giving
 * one's own task back are other endpoints and stay open.
 */
@Priority(Priorities.USER)
public class DirectReassignmentRefusal implements ContainerRequestFilter {

  private static final Pattern ASSIGNMENT =
      Pattern.compile("^/?(?:engine/([^/]+)/)?task/[^/]+/(?:assignee|delegate|identity-links(?:/delete)?)/?$");

  @Override
  public void filter(ContainerRequestContext request) {
    Matcher assignment = ASSIGNMENT.matcher(request.getUriInfo().getPath());
    if (!"POST".equals(request.getMethod()) || !assignment.matches()) {
      return;
    }
    Authentication current = EngineUtil.lookupProcessEngine(assignment.group(1)).getIdentityService()
        .getCurrentAuthentication();
    if (current == null
        || !Optional.ofNullable(current.getGroupIds()).orElse(List.of()).contains(Organisation.ADMIN_GROUP)) {
      throw RefusedRequest.forbidden("不能在此直接更改任务的办理人或候选人：改派任务须由执行局领导在「启动流程 → 改派任务」中"
          + "填写理由办理；办理人本人可点击 × 将任务退回本组。");
    }
  }
}
