package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseVariables.CASE_NUMBER;
import static cn.court.enforcement.casefile.CaseVariables.NON_LITIGATION;
import static cn.court.enforcement.casefile.CaseVariables.OFFLINE_ACTION_NEEDED;

import cn.court.enforcement.disclosure.QueryCodes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of a case: checks the filing data, makes the case number the business key and
 * registers the case in the same transaction, so a refused start leaves nothing behind. The
 * applicant's query code for the disclosure page is generated here too (kept hashed, shown once
 * on the acceptance notice: disclosure/), never as a process variable.
 */
@Component("registerCase")
public class RegisterCase implements ExecutionListener {

  private final FilingValidator validator;
  private final CaseRegistry registry;
  private final QueryCodes queryCodes;

  public RegisterCase(FilingValidator validator, CaseRegistry registry, QueryCodes queryCodes) {
    this.validator = validator;
    this.registry = registry;
    this.queryCodes = queryCodes;
  }

  @Override
  public void notify(DelegateExecution execution) {
    CaseFiling filing = validator.validate(execution::getVariable);
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey == null || businessKey.isBlank()) {
      execution.setProcessBusinessKey(filing.caseNumber());
    } else if (!businessKey.equals(filing.caseNumber())) {
      throw new InvalidCaseDataException("业务标识（" + businessKey + "）必须与案号（" + filing.caseNumber() + "）一致");
    }
    execution.setVariable(CASE_NUMBER, filing.caseNumber());
    execution.setVariable(NON_LITIGATION, filing.nonLitigation());
    // Routing variables the gateways and closure checks read, defined from the start.
    execution.setVariable(OFFLINE_ACTION_NEEDED, false);
    registry.register(filing, execution.getProcessInstanceId());
    queryCodes.issue(filing.caseNumber());
    execution.setVariables(PartyVariables.of(registry.parties(filing.caseNumber())));
    execution.removeVariables(FilingValidator.unusedSlots(filing));
  }
}
