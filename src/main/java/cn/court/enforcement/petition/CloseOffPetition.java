package cn.court.enforcement.petition;

import static cn.court.enforcement.petition.PetitionVariables.CLOSED_OFF;
import static cn.court.enforcement.petition.PetitionVariables.CLOSE_OFF_DECISION;
import static cn.court.enforcement.petition.PetitionVariables.CLOSE_OFF_OPINION;
import static cn.court.enforcement.petition.PetitionVariables.RETURNED;

import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * 核销信访事项 completed: the handler closes the petition off, or returns the reply to the assistant
 * with what is missing. Refused to whoever recorded the reply: the assistant prepares, the handler
 * closes off, never one person both (seed, 执行信访: 李文莹 handles, 贺琦 assists).
 */
@Component("closeOffPetition")
public class CloseOffPetition extends TaskCompletionListener {

  private final PetitionRegistry petitions;

  public CloseOffPetition(PetitionRegistry petitions) {
    this.petitions = petitions;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    String decision = check.oneOf(CLOSE_OFF_DECISION, "核销意见", List.of(CLOSED_OFF, RETURNED));
    String opinion = check.text(CLOSE_OFF_OPINION, RETURNED.equals(decision) ? "退回的理由" : "核销说明");
    check.throwIfInvalid(taskName(execution));
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String by = user == null ? null : user.getUserId();
    Object repliedBy = execution.getVariable(PetitionVariables.REPLIED_BY);
    if (by != null && by.equals(repliedBy)) {
      throw new InvalidCaseDataException(taskName(execution) + "：答复由您（" + execution.getVariable(
          PetitionVariables.REPLIED_BY_NAME) + "）办理，核销须由另一人办理，请交信访承办人核销");
    }
    if (CLOSED_OFF.equals(decision)) {
      petitions.closeOff(execution.getProcessInstanceId(), by);
    } else {
      petitions.returned(execution.getProcessInstanceId());
      execution.setVariable(PetitionVariables.RETURN_REASON, opinion);
    }
  }
}
