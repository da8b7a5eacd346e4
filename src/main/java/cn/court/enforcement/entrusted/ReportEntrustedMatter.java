package cn.court.enforcement.entrusted;

import static cn.court.enforcement.entrusted.EntrustedVariables.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 向案件报告办理结果 (asynchronous, after intensive affairs' form): tells the case's instance that the
 * team's offline measure is done ({@value EntrustedVariables#REPORTED_MESSAGE} with the matter's id;
 * the case reads the result from the register). A case that cannot take it now leaves an incident to
 * retry; a case instance that no longer exists keeps the result in {@code entrusted_matter} only.
 */
@Component("reportEntrustedMatter")
public class ReportEntrustedMatter implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ReportEntrustedMatter.class);

  private final EntrustedMatters matters;

  public ReportEntrustedMatter(EntrustedMatters matters) {
    this.matters = matters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(MATTER_ID)).longValue();
    matters.reported(id);
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    String caseInstance = (String) execution.getVariable(CASE_INSTANCE_ID);
    if (caseInstance == null || runtime.createProcessInstanceQuery().processInstanceId(caseInstance).count() == 0) {
      LOG.warn("Offline request {} of case {} is done, but its case instance {} no longer runs: the result is kept in "
          + "entrusted_matter only", id, execution.getProcessBusinessKey(), caseInstance);
      return;
    }
    runtime.createMessageCorrelation(REPORTED_MESSAGE).processInstanceId(caseInstance)
        .setVariableLocal(MATTER_ID, id).correlate();
  }
}
