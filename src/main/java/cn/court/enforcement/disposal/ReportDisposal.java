package cn.court.enforcement.disposal;

import static cn.court.enforcement.disposal.DisposalVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 向案件报告处置结果: whatever the outcome, the disposal ends its row in {@code asset_disposal} and
 * correlates {@value DisposalVariables#REPORTED_MESSAGE} to the case's instance (contract of issue 13 §2):
 * outcome, proceeds ("0.00" when none), the day the money arrived, the payer and the asset. The step is
 * asynchronous (its own transaction after the handler's last form): a case that cannot take the report
 * now leaves an incident to retry, never a refused form. A case instance that no longer exists (deleted
 * by an administrator) has nobody to tell: the outcome stays in {@code asset_disposal} and is logged.
 */
@Component("reportDisposal")
public class ReportDisposal implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ReportDisposal.class);

  private final DisposalRegistry registry;

  public ReportDisposal(DisposalRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = (String) execution.getVariable(DISPOSAL_OUTCOME);
    Object proceeds = execution.getVariable(PROCEEDS);
    BigDecimal amount = proceeds == null ? new BigDecimal("0.00") : new BigDecimal(proceeds.toString());
    String arrivedOn = (String) execution.getVariable(PROCEEDS_ARRIVED_ON);
    String payer = (String) execution.getVariable(DISPOSAL_PAYER);
    Object price = execution.getVariable(FINAL_PRICE);
    boolean realised = realised(outcome);
    registry.ended(execution.getProcessInstanceId(), outcome, realised ? new BigDecimal(price.toString()) : null, amount,
        arrivedOn == null ? null : LocalDate.parse(arrivedOn), realised ? payer : null,
        (String) execution.getVariable(OUTCOME_REASON));
    Map<String, Object> report = new HashMap<>();
    report.put("disposalInstanceId", execution.getProcessInstanceId());
    report.put("disposalOutcome", outcome);
    report.put("disposalProceeds", amount.toPlainString());
    report.put("disposalProceedsArrivedOn", arrivedOn);
    report.put("disposalPayer", realised ? payer : null);
    report.put(ASSET_DESCRIPTION, execution.getVariable(ASSET_DESCRIPTION));
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    String caseInstance = (String) execution.getVariable(CASE_INSTANCE_ID);
    if (caseInstance == null || runtime.createProcessInstanceQuery().processInstanceId(caseInstance).count() == 0) {
      LOG.warn("Disposal {} of case {} ended ({}), but its case instance {} no longer runs: the outcome is kept in asset_disposal only",
          execution.getProcessInstanceId(), execution.getProcessBusinessKey(), outcome, caseInstance);
      return;
    }
    runtime.createMessageCorrelation(REPORTED_MESSAGE).processInstanceId(caseInstance).setVariablesLocal(report).correlate();
  }
}
