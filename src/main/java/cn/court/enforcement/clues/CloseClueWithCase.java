package cn.court.enforcement.clues;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The case was closed (other than by 终本, which needs every clue verified) while the clue was
 * still open: its verification ends, recorded as 结案时未核查.
 */
@Component("closeClueWithCase")
public class CloseClueWithCase implements ExecutionListener {

  static final String CASE_CLOSED = "case-closed";

  private final ClueRegistry registry;

  public CloseClueWithCase(ClueRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void notify(DelegateExecution execution) {
    registry.recordResult(execution.getProcessInstanceId(), CASE_CLOSED, "案件已结案，线索未核查", null, null);
  }
}
