package cn.court.enforcement.termination;

import static cn.court.enforcement.termination.ResumptionVariables.*;

import cn.court.enforcement.casefile.CaseVariables;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Service task of termination-follow-up when a query found property: starts case-resumption beside
 * it (第九条第二款：“符合恢复执行条件的，执行法院应当及时恢复执行”). The follow-up goes on until the
 * resumption is approved (message {@link ResumptionVariables#CASE_RESUMED}); a refusal leaves it running.
 */
@Component("requestResumption")
public class FollowUpResumptionRequest implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> request = Map.of(
        CaseVariables.CASE_NUMBER, execution.getVariable(CaseVariables.CASE_NUMBER),
        TRIGGER, TRIGGER_PROPERTY_FOUND,
        REASON, execution.getVariable(LETTER_TEXT));
    Context.getCommandContext().runWithoutAuthorization(() -> execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(RESUMPTION_REQUESTED).processInstanceBusinessKey(execution.getProcessBusinessKey())
        .setVariables(request).correlateStartMessage());
  }
}
