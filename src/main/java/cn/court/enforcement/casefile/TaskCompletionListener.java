package cn.court.enforcement.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Runs when a user task is completed: registered as the task's {@code end} execution listener,
 * so a refusal rolls the completion back and reaches the caller unwrapped. Cancellation (case
 * deleted or moved by an administrator) is not a completion and is never refused.
 */
public abstract class TaskCompletionListener implements ExecutionListener {

  @Override
  public final void notify(DelegateExecution execution) {
    if (!execution.isCanceled()) {
      completed(execution);
    }
  }

  protected abstract void completed(DelegateExecution execution);

  /** The task's name, for messages like 无法完成「核对立案信息」. */
  protected static String taskName(DelegateExecution execution) {
    return "无法完成「" + execution.getCurrentActivityName() + "」";
  }
}
