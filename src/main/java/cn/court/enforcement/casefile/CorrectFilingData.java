package cn.court.enforcement.casefile;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The filing division's correction: the same rules as at filing; the case number stays. */
@Component("correctFilingData")
public class CorrectFilingData implements TaskListener {

  private final FilingValidator validator;
  private final CaseRegistry registry;

  public CorrectFilingData(FilingValidator validator, CaseRegistry registry) {
    this.validator = validator;
    this.registry = registry;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseFiling filing = validator.validate(task::getVariable);
    String businessKey = task.getExecution().getProcessBusinessKey();
    if (!filing.caseNumber().equals(businessKey)) {
      throw new BadUserRequestException("更正立案信息时不能修改案号（" + businessKey + "）；案号有误请撤销立案后重新立案");
    }
    registry.update(filing);
  }
}
