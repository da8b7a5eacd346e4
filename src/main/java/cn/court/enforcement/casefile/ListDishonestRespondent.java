package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseVariables.PUNISHMENT_DECISION;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The president signed the dishonest-list decision (Task_SignDishonestListing): the respondent
 * is listed with the period of {@link DishonestListing}, and is under consumption restriction
 * too (《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第一条第二款「纳入失信被执行人名单的被执行人，
 * 人民法院应当对其采取限制消费措施」), both recorded for the respondent. Leaves {@code listingEnd}
 * (yyyy-MM-dd, the last day on the list) when the listing has a period.
 */
@Component("listDishonestRespondent")
public class ListDishonestRespondent extends TaskCompletionListener {

  public static final String LISTING_END = "listingEnd";
  public static final String LISTING_YEARS = "listingYears";

  private final CaseRegistry registry;

  public ListDishonestRespondent(CaseRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    if (!"signed".equals(execution.getVariable(PUNISHMENT_DECISION))) {
      return;
    }
    FormCheck check = new FormCheck(execution::getVariable);
    String caseNumber = execution.getProcessBusinessKey();
    Long respondent = RespondentChoice.of(check, registry, caseNumber, "被纳入失信名单的被执行人");
    String decision = check.text("rulingNumber", "失信决定书文号");
    LocalDate decided = check.date("measureDate", "签发日期");
    String summary = check.text("measureSummary", "决定要点");
    String order = check.text("restrictionOrderNumber", "限制消费令文号");
    Integer years = DishonestListing.years(check);
    check.throwIfInvalid(taskName(execution));
    String period = years == null ? "无固定期限（第一条第一项）" : "纳入期限 " + years + " 年，至 " + DishonestListing.end(decided, years);
    registry.recordMeasure(caseNumber, "punishment-dishonest-list", decided,
        summary + "（失信决定书 " + decision + "，" + period + "）", respondent);
    registry.recordMeasure(caseNumber, "punishment-consumption-restriction", decided,
        "纳入失信被执行人名单，一并限制消费（限制消费令 " + order + "）", respondent);
    if (years != null) {
      execution.setVariable(LISTING_END, DishonestListing.end(decided, years).toString());
      execution.setVariable(LISTING_YEARS, years);
    }
  }
}
