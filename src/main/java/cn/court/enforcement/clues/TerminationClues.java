package cn.court.enforcement.clues;

import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.casefile.TaskCompletionListener;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * The termination review's checklist of clues (审查终本条件): the task shows the case's unverified
 * clues (task variable {@value #UNVERIFIED_CLUES}, kept current while the task is open), and 终本 is
 * not approved while any is left. A clue given after the proposal — applicants often give one when
 * told of the intended 终本 — reaches the review this way.
 */
@Component("terminationClues")
public class TerminationClues extends TaskCompletionListener implements TaskListener {

  static final String UNVERIFIED_CLUES = "unverifiedClues";
  private static final String REVIEW_PROCESS = "termination-review";

  private final UnverifiedClues unverified;

  public TerminationClues(UnverifiedClues unverified) {
    this.unverified = unverified;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(UNVERIFIED_CLUES, unverified.listing(task.getExecution().getProcessBusinessKey()));
  }

  @Override
  protected void completed(DelegateExecution execution) {
    if ("approved".equals(execution.getVariable(CaseVariables.TERMINATION_DECISION))) {
      unverified.againstTermination(execution.getProcessBusinessKey()).ifPresent(problem -> {
        throw new InvalidCaseDataException(taskName(execution) + "：" + problem + "，不能批准终本");
      });
    }
  }

  /** Shows the current list on the case's open review tasks, after a clue was given or verified. */
  void refresh(ProcessEngineServices engine, String caseNumber) {
    TaskService tasks = engine.getTaskService();
    // Whoever verifies a clue cannot see the termination unit's tasks: the engine updates them.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      tasks.createTaskQuery().processDefinitionKey(REVIEW_PROCESS).processInstanceBusinessKey(caseNumber).list().stream()
          .filter(task -> tasks.getVariableLocal(task.getId(), UNVERIFIED_CLUES) != null)
          .forEach(task -> tasks.setVariableLocal(task.getId(), UNVERIFIED_CLUES, unverified.listing(caseNumber)));
      return null;
    });
  }
}
