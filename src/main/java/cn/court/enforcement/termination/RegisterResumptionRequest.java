package cn.court.enforcement.termination;

import static cn.court.enforcement.termination.ResumptionVariables.*;

import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.casefile.PartyVariables;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Staff;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of case-resumption, from the follow-up (property found) or from the applicant's
 * application recorded in Tasklist (start form resumption-application). Only a case closed as 终本
 * (one with a follow-up) can be resumed, at any time: 第九条第一款 of 《最高人民法院关于严格规范终结本次执行程序的规定（试行）》
 * （法〔2016〕373号）“申请恢复执行不受申请执行时效期间的限制”, so no time limit is checked. The review goes
 * to the holder of role {@code resumption-approval} (杨国平 in the demo organisation).
 */
@Component("registerResumptionRequest")
public class RegisterResumptionRequest implements ExecutionListener {

  static final int MAX_REASON = 2000;

  private final FollowUpRegistry followUps;
  private final ResumptionRegistry resumptions;
  private final CaseRegistry cases;
  private final Organisation organisation;

  public RegisterResumptionRequest(FollowUpRegistry followUps, ResumptionRegistry resumptions, CaseRegistry cases,
      Organisation organisation) {
    this.followUps = followUps;
    this.resumptions = resumptions;
    this.cases = cases;
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    String caseNumber = check.text(CaseVariables.CASE_NUMBER, "原案号");
    String reason = check.text(REASON, "恢复执行的理由（发现的财产或申请执行人提供的财产线索）", MAX_REASON);
    check.throwIfInvalid("无法提出恢复执行申请");
    FollowUpRegistry.FollowUp followUp = followUps.followUp(caseNumber).orElseThrow(() ->
        new InvalidCaseDataException("案号" + caseNumber + "不是已终结本次执行程序的案件，不能恢复执行"));
    resumptions.resumedAs(caseNumber).ifPresent(resumed -> {
      throw new InvalidCaseDataException("案件" + caseNumber + "已恢复执行，新案号为" + resumed);
    });
    Staff approver = organisation.holderOf(APPROVER_ROLE).orElseThrow(() -> new InvalidCaseDataException(
        "组织机构文件中没有担任职责 '" + APPROVER_ROLE + "' 的人员，无法审查恢复执行（config/organisation.yml 的 roles）。"));
    execution.setProcessBusinessKey(caseNumber);
    if (execution.getVariable(TRIGGER) == null) {
      execution.setVariable(TRIGGER, TRIGGER_APPLICATION);
    }
    execution.setVariable(APPROVER, approver.id());
    execution.setVariable(UNPAID_AMOUNT, followUp.unpaidAmount().toPlainString());
    execution.setVariable(TERMINATED_ON, followUp.terminatedOn().toString());
    execution.setVariables(PartyVariables.of(cases.parties(caseNumber)));
  }
}
