package cn.court.enforcement.termination;

import static cn.court.enforcement.termination.ResumptionVariables.*;

import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.PartyVariables;
import cn.court.enforcement.handler.HandlerVariables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Service task of enforcement-case after a closure as 终本 is registered: starts the case's
 * five-year {@code termination-follow-up} beside it (business key the case number), which outlives
 * the case (第九条第二款 of 《最高人民法院关于严格规范终结本次执行程序的规定（试行）》（法〔2016〕373号）).
 * The unpaid amount and the ruling's date are the ones termination-review recorded (contract-14).
 * As the engine: the staff who register closures may not start processes.
 */
@Component("startTerminationFollowUp")
public class StartTerminationFollowUp implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    BigDecimal unpaid = check.amount(UNPAID_AMOUNT, "终本裁定载明的未履行金额");
    LocalDate ruledOn = check.date(TERMINATION_RULED_ON, "终本裁定日期");
    check.throwIfInvalid("无法开始终本后的财产跟踪查询");
    Map<String, Object> followUp = new HashMap<>();
    followUp.put(CaseVariables.CASE_NUMBER, execution.getVariable(CaseVariables.CASE_NUMBER));
    followUp.put(CASE_INSTANCE_ID, execution.getProcessInstanceId());
    followUp.put(CaseVariables.HANDLING_TEAM, execution.getVariable(CaseVariables.HANDLING_TEAM));
    followUp.put(HandlerVariables.CASE_HANDLER, execution.getVariable(HandlerVariables.CASE_HANDLER));
    followUp.put(PartyVariables.APPLICANT_NAME, execution.getVariable(PartyVariables.APPLICANT_NAME));
    followUp.put(PartyVariables.RESPONDENT_NAME, execution.getVariable(PartyVariables.RESPONDENT_NAME));
    followUp.put(UNPAID_AMOUNT, unpaid.toPlainString());
    followUp.put(TERMINATED_ON, ruledOn.toString());
    Context.getCommandContext().runWithoutAuthorization(() -> execution.getProcessEngineServices()
        .getRuntimeService().startProcessInstanceByKey(FOLLOW_UP_PROCESS, execution.getProcessBusinessKey(), followUp));
  }
}
