package cn.court.enforcement.entrusted;

import static cn.court.enforcement.entrusted.EntrustedVariables.MATTER_ID;

import cn.court.enforcement.casefile.CaseRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记线下查控结果 (the case's event sub-process, any stage): the offline measure intensive affairs
 * did on the team's request becomes the case's measure {@value #MEASURE} in {@code case_measure}, the
 * row the team's own task wrote before, so the case's records (termination checklist, dossier) see it. The
 * message's matter id arrives on the case's instance (the receiving scope of the event sub-process's
 * start) and is removed there, so reports never share it.
 */
@Component("recordEntrustedReport")
public class RecordEntrustedReport implements JavaDelegate {

  public static final String MEASURE = "offline-request";

  private final EntrustedMatters matters;
  private final CaseRegistry registry;

  public RecordEntrustedReport(EntrustedMatters matters, CaseRegistry registry) {
    this.matters = matters;
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DelegateExecution root = execution.getProcessInstance();
    long id = ((Number) root.getVariableLocal(MATTER_ID)).longValue();
    root.removeVariableLocal(MATTER_ID);
    execution.setVariableLocal(MATTER_ID, id);
    EntrustedMatters.Matter matter = matters.matter(id);
    registry.recordMeasure(execution.getProcessBusinessKey(), MEASURE, matter.doneOn(),
        "委托线下查控：%s；办理情况：%s".formatted(matter.matter(), matter.resultSummary()));
  }
}
