package cn.court.enforcement.petition;

import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Staff;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gives the petition to the holders of the petitions unit's roles (config/organisation.yml
 * {@code roles:}): the reply to the assistant {@value #ASSISTANT} (贺琦), the close-off (核销) to the
 * handler {@value #HANDLER} (李文莹) — two people, as the seed's 执行信访 unit has the one assist the other.
 */
@Component("assignPetitionStaff")
public class AssignPetitionStaff implements JavaDelegate {

  public static final String HANDLER = "petition-handler";
  public static final String ASSISTANT = "petition-assistant";

  private final Organisation organisation;

  public AssignPetitionStaff(Organisation organisation) {
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Staff assistant = holder(ASSISTANT);
    Staff handler = holder(HANDLER);
    if (assistant.id().equals(handler.id())) {
      throw new InvalidCaseDataException("信访的协办（答复）和核销不能由同一人（" + handler.name()
          + "）担任，请修改 config/organisation.yml 的 roles。");
    }
    execution.setVariable(PetitionVariables.ASSISTANT, assistant.id());
    execution.setVariable(PetitionVariables.HANDLER, handler.id());
  }

  private Staff holder(String role) {
    return organisation.holderOf(role).orElseThrow(() -> new InvalidCaseDataException(
        "组织机构文件中没有担任职责 '" + role + "' 的人员，无法办理信访（config/organisation.yml 的 roles）。"));
  }
}
