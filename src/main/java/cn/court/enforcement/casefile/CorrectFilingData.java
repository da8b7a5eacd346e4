package cn.court.enforcement.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The filing division's correction: the same rules as at filing; the case number stays. */
@Component("correctFilingData")
public class CorrectFilingData extends TaskCompletionListener {

  private final FilingValidator validator;
  private final CaseRegistry registry;

  public CorrectFilingData(FilingValidator validator, CaseRegistry registry) {
    this.validator = validator;
    this.registry = registry;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    CaseFiling filing = validator.validate(execution::getVariable);
    String businessKey = execution.getProcessBusinessKey();
    if (!filing.caseNumber().equals(businessKey)) {
      throw new InvalidCaseDataException("更正立案信息时不能修改案号（" + businessKey + "）；案号有误请撤销立案后重新立案");
    }
    registry.update(filing);
    execution.setVariables(PartyVariables.of(registry.parties(filing.caseNumber())));
    execution.removeVariables(FilingValidator.unusedSlots(filing));
  }
}
