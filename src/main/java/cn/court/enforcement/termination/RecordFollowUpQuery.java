package cn.court.enforcement.termination;

import static cn.court.enforcement.termination.ResumptionVariables.*;

import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.PropertyKinds;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Completion of the six-monthly query (form follow-up-query): records its structured result,
 * counts it, and words the letter that tells the applicant (第九条第二款：“并将查询结果告知申请执行人”).
 * Found property needs its kind, description and value; the query's date is the day it is recorded.
 */
@Component("recordFollowUpQuery")
public class RecordFollowUpQuery extends TaskCompletionListener {

  static final int MAX_DESCRIPTION = 2000;

  private final FollowUpRegistry registry;

  public RecordFollowUpQuery(FollowUpRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    boolean found = check.flag(PROPERTY_FOUND);
    String kind = null;
    String description = null;
    BigDecimal value = null;
    if (found) {
      kind = check.oneOf(PROPERTY_KIND, "财产种类", PropertyKinds.LABELS.keySet());
      description = check.text(PROPERTY_DESCRIPTION, "财产情况", MAX_DESCRIPTION);
      value = check.amount(PROPERTY_VALUE, "金额或价值（元）");
    }
    check.throwIfInvalid(taskName(execution));
    int number = ((Number) execution.getVariable(QUERY_COUNT)).intValue() + 1;
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
    FollowUpRegistry.Query query = new FollowUpRegistry.Query(number, today, found, kind, description, value);
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    registry.recordQuery((String) execution.getVariable(CaseVariables.CASE_NUMBER), query,
        user == null ? null : user.getUserId());
    execution.setVariable(QUERY_COUNT, number);
    execution.setVariable(LETTER_SUBJECT, "终本案件第" + number + "次财产查询结果告知");
    execution.setVariable(LETTER_TEXT, letter(query));
    if (!found) {
      execution.removeVariables(List.of(PROPERTY_KIND, PROPERTY_DESCRIPTION, PROPERTY_VALUE));
    }
  }

  static String letter(FollowUpRegistry.Query query) {
    String head = query.queriedOn() + "，本院通过网络执行查控系统对被执行人的财产进行了终结本次执行程序后的第"
        + query.number() + "次查询（共" + FollowUpSchedule.QUERIES + "次）：";
    if (!query.propertyFound()) {
      return head + "未发现可供执行的财产。申请执行人发现被执行人有可供执行财产的，可以随时申请恢复执行，不受申请执行时效期间的限制。";
    }
    return head + "发现" + PropertyKinds.LABELS.get(query.kind()) + "：" + query.description() + "，价值"
        + query.value().toPlainString() + "元。本院将审查是否恢复执行。";
  }
}
