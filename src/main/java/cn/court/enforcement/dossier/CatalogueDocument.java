package cn.court.enforcement.dossier;

import static cn.court.enforcement.dossier.DossierVariables.DOCUMENT_NAME;
import static cn.court.enforcement.dossier.DossierVariables.DOCUMENT_PAGES;
import static cn.court.enforcement.dossier.DossierVariables.DOCUMENT_TYPE;
import static cn.court.enforcement.dossier.DossierVariables.HANDOVER_ID;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * End listener of 扫描上传、命名编目 (after the form's rules): one document of the accepted material
 * becomes a row of the case's electronic catalogue — scanned now (engine clock) by whoever
 * completed the task (the claimant, tasklist/AssigneeCompletes) — and goes to the document store.
 * As listener of the flow back to the task for the next document it removes the document's
 * fields, so that form starts empty.
 */
@Component("catalogueDocument")
public class CatalogueDocument implements ExecutionListener {

  private final DossierRegister register;
  private final DocumentStore store;

  public CatalogueDocument(DossierRegister register, DocumentStore store) {
    this.register = register;
    this.store = store;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (EVENTNAME_TAKE.equals(execution.getEventName())) {
      execution.removeVariables(List.of(DOCUMENT_TYPE, DOCUMENT_NAME, DOCUMENT_PAGES));
      return;
    }
    if (execution.isCanceled()) {
      return;
    }
    Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    CatalogueEntry entry = new CatalogueEntry(execution.getProcessBusinessKey(),
        ((Number) execution.getVariable(HANDOVER_ID)).longValue(), (String) execution.getVariable(DOCUMENT_TYPE),
        (String) execution.getVariable(DOCUMENT_NAME), ((Number) execution.getVariable(DOCUMENT_PAGES)).intValue(),
        LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault()),
        current == null || current.getUserId() == null ? "system" : current.getUserId(), null);
    register.catalogue(entry.storedAs(store.store(entry).orElse(null)));
  }
}
