package cn.court.enforcement.dossier;

import static cn.court.enforcement.casefile.CaseVariables.CASE_CLOSED_MESSAGE;
import static cn.court.enforcement.casefile.CaseVariables.CLOSED_DATE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the case's dossier process (same business key) that the case is closed, with the
 * closure date its archiving limit counts from.
 */
@Component("notifyDossierOfClosure")
public class NotifyDossierOfClosure implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(CASE_CLOSED_MESSAGE)
        .processInstanceBusinessKey(execution.getProcessBusinessKey())
        .setVariable(CLOSED_DATE, execution.getVariable(CLOSED_DATE))
        .correlateAll();
  }
}
