package cn.court.enforcement.termination;

import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Staff;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gives the review to the holders of its roles (config/organisation.yml {@code roles:}): the first
 * review to {@value #FIRST_REVIEW} (解丽宣), the approval to {@value #APPROVAL} (陈艳玲, the deputy
 * chief) — never one person for both, as the seed's 终本案件管理 unit separates them (issue 14).
 */
@Component("assignTerminationReviewers")
public class TerminationRoles implements JavaDelegate {

  public static final String FIRST_REVIEW = "termination-first-review";
  public static final String APPROVAL = "termination-approval";
  static final String FIRST_REVIEWER = "terminationFirstReviewer";
  static final String APPROVER = "terminationApprover";

  private final Organisation organisation;

  public TerminationRoles(Organisation organisation) {
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Staff first = holder(FIRST_REVIEW);
    Staff approver = holder(APPROVAL);
    if (first.id().equals(approver.id())) {
      throw new InvalidCaseDataException("终本的初审和审批不能由同一人（" + first.name() + "）担任，请修改 config/organisation.yml 的 roles。");
    }
    execution.setVariable(FIRST_REVIEWER, first.id());
    execution.setVariable(APPROVER, approver.id());
  }

  private Staff holder(String role) {
    return organisation.holderOf(role).orElseThrow(() -> new InvalidCaseDataException(
        "组织机构文件中没有担任职责 '" + role + "' 的人员，无法审查终本（config/organisation.yml 的 roles）。"));
  }
}
