package cn.court.enforcement.handler;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * The assignee may give their own task back to its candidate groups (Tasklist's 退回 / REST
 * {@code unclaim}), so that a colleague of the team can claim it: the case's handler holds the
 * team's tasks, and staff have only TASK_WORK, with which the engine's unclaim (an assignment)
 * is refused. Done as an unclaim through {@code claim(task, null)}, which TASK_WORK allows; an
 * unclaim by anybody else goes to the engine unchanged (403 for staff).
 */
@Priority(Priorities.USER)
public class ReleaseOwnTask implements ContainerRequestFilter {

  private static final Pattern UNCLAIM = Pattern.compile("^/?(?:engine/([^/]+)/)?task/([^/]+)/unclaim/?$");

  @Override
  public void filter(ContainerRequestContext request) {
    Matcher unclaim = UNCLAIM.matcher(request.getUriInfo().getPath());
    if (!"POST".equals(request.getMethod()) || !unclaim.matches()) {
      return;
    }
    ProcessEngine engine = EngineUtil.lookupProcessEngine(unclaim.group(1));
    Authentication current = engine.getIdentityService().getCurrentAuthentication();
    if (current == null || current.getUserId() == null) {
      return;
    }
    Task task = engine.getTaskService().createTaskQuery().taskId(unclaim.group(2)).singleResult();
    if (task != null && current.getUserId().equals(task.getAssignee())) {
      engine.getTaskService().claim(task.getId(), null);
      request.abortWith(Response.noContent().build());
    }
  }
}
