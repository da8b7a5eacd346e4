package cn.court.enforcement.termination;

import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.casefile.TaskCompletionListener;
import cn.court.enforcement.organisation.Organisation;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The two reviews of 终本 (初审 Task_ReviewTerminationConditions, 审批 Task_ApproveTermination): the
 * checklist is shown when the task is created; on completion the reviewer either passes it on
 * ("approved") or returns the case to the handler with reasons ("returned"). Approval is refused,
 * with every unmet condition named, while any condition of 法〔2016〕373号 第一条 is unmet for any
 * respondent — computed again at completion, as records may have changed meanwhile — and the
 * approval is refused to whoever did the first review.
 */
@Component("checkTerminationReview")
public class CheckTerminationReview extends TaskCompletionListener implements TaskListener {

  static final String FIRST_REVIEW_TASK = "Task_ReviewTerminationConditions";
  static final String CHECKLIST = "terminationChecklist";
  static final String APPROVAL_DECISION = "terminationApproval";
  static final String FIRST_OPINION = "terminationOpinion";
  static final String APPROVAL_OPINION = "terminationApprovalOpinion";
  static final String FIRST_REVIEWED_BY = "terminationFirstReviewedBy";
  static final String FIRST_REVIEWER_NAME = "terminationFirstReviewerName";
  static final String APPROVED_BY = "terminationApprovedBy";
  static final String RETURN_REASON = "terminationReturnReason";
  static final String APPROVED = "approved";
  static final String RETURNED = "returned";
  /** Who completes the task (task variable, set by the complete event just before the checks). */
  private static final String COMPLETED_BY = "terminationReviewCompletedBy";

  private final TerminationChecklist checklist;
  private final Organisation organisation;

  public CheckTerminationReview(TerminationChecklist checklist, Organisation organisation) {
    this.checklist = checklist;
    this.organisation = organisation;
  }

  /** create: shows the checklist; complete: notes who completes (the signed-in user, else the assignee). */
  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariableLocal(CHECKLIST, TerminationChecklist.text(
          checklist.of(task.getExecution().getProcessBusinessKey(), task.getExecution()::getVariable)));
      return;
    }
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    task.getExecution().setVariableLocal(COMPLETED_BY, user != null && user.getUserId() != null ? user.getUserId() : task.getAssignee());
  }

  @Override
  protected void completed(DelegateExecution execution) {
    boolean first = FIRST_REVIEW_TASK.equals(execution.getCurrentActivityId());
    String by = (String) execution.getVariableLocal(COMPLETED_BY);
    execution.removeVariableLocal(COMPLETED_BY);
    FormCheck check = new FormCheck(execution::getVariable);
    String decision = check.oneOf(first ? CaseVariables.TERMINATION_DECISION : APPROVAL_DECISION,
        first ? "初审意见" : "审批意见", Set.of(APPROVED, RETURNED));
    String opinion = check.text(first ? FIRST_OPINION : APPROVAL_OPINION, RETURNED.equals(decision) ? "退回的理由" : "意见");
    check.throwIfInvalid(taskName(execution));
    if (!first && by != null && by.equals(execution.getVariable(FIRST_REVIEWED_BY))) {
      throw new InvalidCaseDataException(taskName(execution) + "：审批人不能与初审人（" + by + "）为同一人，请由"
          + "终本审批人审批");
    }
    if (APPROVED.equals(decision)) {
      TerminationChecklist.refusal(checklist.of(execution.getProcessBusinessKey(), execution::getVariable)).ifPresent(problem -> {
        throw new InvalidCaseDataException(taskName(execution) + "：" + problem + "，不能批准终本");
      });
    } else {
      execution.setVariable(RETURN_REASON, opinion);
    }
    execution.setVariable(first ? FIRST_REVIEWED_BY : APPROVED_BY, by);
    if (first) {
      execution.setVariable(FIRST_REVIEWER_NAME, organisation.person(by).map(Organisation.Staff::name).orElse(by));
    } else {
      // The case reads the outcome from terminationDecision (Gateway_TerminationApproved of enforcement-case).
      execution.setVariable(CaseVariables.TERMINATION_DECISION, decision);
    }
  }
}
