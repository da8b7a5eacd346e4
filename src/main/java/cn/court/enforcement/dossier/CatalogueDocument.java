package cn.court.enforcement.dossier;

import static cn.court.enforcement.dossier.DossierVariables.DOCUMENT_NAME;
import static cn.court.enforcement.dossier.DossierVariables.DOCUMENT_PAGES;
import static cn.court.enforcement.dossier.DossierVariables.DOCUMENT_TYPE;
import static cn.court.enforcement.dossier.DossierVariables.HANDOVER_ID;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Complete listener of 扫描上传、命名编目: one document of the accepted material becomes a row of
 * the case's electronic catalogue — scanned now (engine clock) by whoever completed the task —
 * and goes to the document store. As listener of the flow back to the task for the next document
 * it removes the document's fields, so that form starts empty.
 */
@Component("catalogueDocument")
public class CatalogueDocument implements TaskListener, ExecutionListener {

  private final DossierRegister register;
  private final DocumentStore store;

  public CatalogueDocument(DossierRegister register, DocumentStore store) {
    this.register = register;
    this.store = store;
  }

  @Override
  public void notify(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String scannedBy = task.getAssignee() != null ? task.getAssignee() : current == null ? null : current.getUserId();
    CatalogueEntry entry = new CatalogueEntry(task.getExecution().getProcessBusinessKey(),
        ((Number) task.getVariable(HANDOVER_ID)).longValue(), (String) task.getVariable(DOCUMENT_TYPE),
        (String) task.getVariable(DOCUMENT_NAME), ((Number) task.getVariable(DOCUMENT_PAGES)).intValue(),
        LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault()),
        scannedBy == null ? "system" : scannedBy, null);
    register.catalogue(entry.storedAs(store.store(entry).orElse(null)));
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.removeVariables(List.of(DOCUMENT_TYPE, DOCUMENT_NAME, DOCUMENT_PAGES));
  }
}
