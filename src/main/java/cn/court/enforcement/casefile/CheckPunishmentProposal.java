package cn.court.enforcement.casefile;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The statute's limits on a proposed punishment, which a form edited in Modeler must not loosen
 * (《中华人民共和国民事诉讼法》第一百一十八条): a fine on a natural person at most 100,000 yuan, on an
 * organisation 50,000 to 1,000,000 yuan, to the cent; detention at most 15 days, in whole days.
 * Whether the respondent is a person or an organisation comes from the case's parties. A
 * listing on the dishonest-debtor list needs its ground and period ({@link DishonestListing}).
 */
@Component("checkPunishmentProposal")
public class CheckPunishmentProposal extends TaskCompletionListener {

  static final String ARTICLE_118 = "（《中华人民共和国民事诉讼法》第一百一十八条）";
  static final BigDecimal MAX_FINE_PERSON = new BigDecimal("100000");
  static final BigDecimal MIN_FINE_ORGANISATION = new BigDecimal("50000");
  static final BigDecimal MAX_FINE_ORGANISATION = new BigDecimal("1000000");
  static final int MAX_DETENTION_DAYS = 15;

  private final CaseRegistry registry;

  public CheckPunishmentProposal(CaseRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    String caseNumber = execution.getProcessBusinessKey();
    Long respondent = RespondentChoice.of(check, registry, caseNumber, "被惩戒的被执行人");
    Object kind = execution.getVariable(CaseVariables.PUNISHMENT_KIND);
    if ("fine".equals(kind)) {
      BigDecimal fine = check.amount("fineAmount", "罚款金额");
      if (fine != null && respondent != null) {
        checkFine(check, fine, isOrganisation(caseNumber, respondent));
      }
    } else if ("detention".equals(kind)) {
      BigDecimal days = check.nonNegative("detentionDays", "拘留天数");
      check.require(days == null || days.stripTrailingZeros().scale() <= 0 && days.compareTo(BigDecimal.ONE) >= 0
          && days.compareTo(BigDecimal.valueOf(MAX_DETENTION_DAYS)) <= 0,
          "拘留的期限为十五日以下" + ARTICLE_118 + "，拘留天数应为1至15日的整数");
    } else if ("dishonest-list".equals(kind)) {
      DishonestListing.years(check);
    }
    check.throwIfInvalid(taskName(execution));
  }

  private static void checkFine(FormCheck check, BigDecimal fine, boolean organisation) {
    String amount = "（所填 " + fine.stripTrailingZeros().toPlainString() + " 元）";
    if (organisation) {
      check.require(fine.compareTo(MIN_FINE_ORGANISATION) >= 0 && fine.compareTo(MAX_FINE_ORGANISATION) <= 0,
          "对单位的罚款金额为人民币五万元以上一百万元以下" + ARTICLE_118 + amount);
    } else {
      check.require(fine.signum() > 0 && fine.compareTo(MAX_FINE_PERSON) <= 0,
          "对个人的罚款金额为人民币十万元以下" + ARTICLE_118 + "，且应大于0" + amount);
    }
  }

  private boolean isOrganisation(String caseNumber, long respondent) {
    return registry.respondents(caseNumber).stream().filter(party -> party.id() == respondent)
        .anyMatch(party -> CaseFiling.Party.ORGANISATION.equals(party.party().kind()));
  }
}
