package cn.court.enforcement.handler;

import static cn.court.enforcement.handler.HandlerVariables.CASE_HANDLER;
import static cn.court.enforcement.handler.HandlerVariables.HANDLER_TEAM;
import static cn.court.enforcement.handler.HandlerVariables.TEAM_MEMBERS;

import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.casefile.TaskCompletionListener;
import cn.court.enforcement.organisation.Organisation.Staff;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * The naming tasks 指定承办人 (one per track; input parameter {@code handlerTeam}). Created: the
 * task goes to the team's leader and offers the team's members. Completed: the chosen handler
 * must be a member of the team (a form field can be sent with any value), and becomes the
 * case's handler in the registry and in the process variables the team's tasks are assigned by.
 */
@Component("nameHandler")
public class NameHandler extends TaskCompletionListener implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Teams teams;
  private final HandlerRecord record;

  public NameHandler(Teams teams, HandlerRecord record) {
    this.teams = teams;
    this.record = record;
  }

  @Override
  public void notify(DelegateTask task) {
    String team = (String) task.getVariable(HANDLER_TEAM);
    task.setAssignee(teams.leaderOf(team));
    try {
      task.setVariableLocal(TEAM_MEMBERS, Spin.JSON(JSON.writeValueAsString(teams.options(team))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected void completed(DelegateExecution execution) {
    String team = (String) execution.getVariable(HANDLER_TEAM);
    Object chosen = execution.getVariable(CASE_HANDLER);
    if (chosen == null || chosen.toString().isBlank()) {
      throw new InvalidCaseDataException(taskName(execution) + "：请选择承办人。");
    }
    Staff handler = teams.member(team, chosen.toString()).orElseThrow(() -> new InvalidCaseDataException(
        taskName(execution) + "：" + chosen + " 不是" + teams.nameOf(team) + "的成员，承办人须从本团队成员中指定。"));
    Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    execution.getProcessInstance().setVariables(record.assign(execution.getProcessBusinessKey(), team, handler, null,
        current == null ? null : current.getUserId()));
  }
}
