package cn.court.enforcement.handler;

import static cn.court.enforcement.handler.CheckHandlerChange.CASE_INSTANCE_ID;
import static cn.court.enforcement.handler.CheckHandlerChange.CHANGE_REASON;
import static cn.court.enforcement.handler.CheckHandlerChange.NEW_HANDLER;

import cn.court.enforcement.organisation.Organisation.Staff;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Service task of {@code handler-change} (checked by {@link CheckHandlerChange}): the new handler
 * takes over every open task of the case that the team may work on, also one a colleague had
 * claimed, and the change is logged with its reason, the leader and the time.
 */
@Component("changeHandler")
public class ChangeHandler implements JavaDelegate {

  private final Teams teams;
  private final HandlerRecord record;

  public ChangeHandler(Teams teams, HandlerRecord record) {
    this.teams = teams;
    this.record = record;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String team = (String) execution.getVariable(HandlerVariables.HANDLER_TEAM);
    Staff handler = teams.member(team, (String) execution.getVariable(NEW_HANDLER)).orElseThrow();
    String caseNumber = execution.getProcessBusinessKey();
    ProcessEngineServices engine = execution.getProcessEngineServices();
    // The leader works on the team's tasks but may not assign them: the engine does it for them.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      engine.getRuntimeService().setVariables((String) execution.getVariable(CASE_INSTANCE_ID), record.assign(
          caseNumber, team, handler, (String) execution.getVariable(CHANGE_REASON),
          (String) execution.getVariable("requester")));
      TaskService tasks = engine.getTaskService();
      tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskCandidateGroup(team).includeAssignedTasks()
          .list().forEach(task -> tasks.setAssignee(task.getId(), handler.id()));
      return null;
    });
  }
}
