package cn.court.enforcement.casefile;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The statute's limits on a proposed punishment, which a form edited in Modeler must not loosen:
 * detention is at most 15 days (民事诉讼法 第一百一十八条), counted in whole days; a fine is a sum
 * above zero, to the cent. The respondent punished is one of the case's.
 */
@Component("checkPunishmentProposal")
public class CheckPunishmentProposal extends TaskCompletionListener {

  static final int MAX_DETENTION_DAYS = 15;

  private final CaseRegistry registry;

  public CheckPunishmentProposal(CaseRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    RespondentChoice.of(check, registry, execution.getProcessBusinessKey(), "被惩戒的被执行人");
    Object kind = execution.getVariable(CaseVariables.PUNISHMENT_KIND);
    if ("fine".equals(kind)) {
      BigDecimal fine = check.amount("fineAmount", "罚款金额");
      check.require(fine == null || fine.signum() > 0, "罚款金额应大于0");
    } else if ("detention".equals(kind)) {
      BigDecimal days = check.nonNegative("detentionDays", "拘留天数");
      check.require(days == null || days.stripTrailingZeros().scale() <= 0 && days.compareTo(BigDecimal.ONE) >= 0
          && days.compareTo(BigDecimal.valueOf(MAX_DETENTION_DAYS)) <= 0, "拘留天数应为1至15日的整数");
    }
    check.throwIfInvalid(taskName(execution));
  }
}
