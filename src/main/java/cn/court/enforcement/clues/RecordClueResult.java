package cn.court.enforcement.clues;

import static cn.court.enforcement.clues.ClueVariables.CLUE_NOTES;
import static cn.court.enforcement.clues.ClueVariables.CLUE_RESULT;
import static cn.court.enforcement.clues.ClueVariables.VERIFIED_ON;

import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** 核查财产线索 completed: the result of the clue, with the date and what was done, on the case's record. */
@Component("recordClueResult")
public class RecordClueResult extends TaskCompletionListener {

  static final Set<String> FORM_RESULTS = Set.of("found", "not-found", "unverifiable");

  private final ClueRegistry registry;
  private final TerminationClues termination;

  public RecordClueResult(ClueRegistry registry, TerminationClues termination) {
    this.registry = registry;
    this.termination = termination;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    String result = check.oneOf(CLUE_RESULT, "核查结果", FORM_RESULTS);
    LocalDate verifiedOn = check.date(VERIFIED_ON, "核查日期");
    String notes = check.text(CLUE_NOTES, "核查情况");
    check.throwIfInvalid(taskName(execution));
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    registry.recordResult(execution.getProcessInstanceId(), result, notes, verifiedOn, user == null ? null : user.getUserId());
    termination.refresh(execution.getProcessEngineServices(), execution.getProcessBusinessKey());
  }
}
