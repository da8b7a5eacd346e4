package cn.court.enforcement.casefile;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Message throw event after a dishonest-list decision with a period: starts the case's
 * {@code dishonest-listing} beside it (business key the case number), which outlives the case and
 * has the listing's end as its timer. As the engine: the president may not start processes.
 */
@Component("startDishonestListing")
public class StartDishonestListing implements JavaDelegate {

  public static final String MESSAGE = "DishonestListingDecided";

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> listing = new HashMap<>();
    listing.put(CaseVariables.CASE_NUMBER, execution.getVariable(CaseVariables.CASE_NUMBER));
    listing.put(CaseVariables.HANDLING_TEAM, execution.getVariable(CaseVariables.HANDLING_TEAM));
    listing.put(RespondentChoice.KEY, execution.getVariable(RespondentChoice.KEY));
    listing.put(PartyVariables.RESPONDENT_OPTIONS, execution.getVariable(PartyVariables.RESPONDENT_OPTIONS));
    listing.put("listingDecisionNumber", execution.getVariable("rulingNumber"));
    listing.put("listingStart", execution.getVariable("measureDate"));
    listing.put(ListDishonestRespondent.LISTING_END, execution.getVariable(ListDishonestRespondent.LISTING_END));
    listing.put(ListDishonestRespondent.LISTING_YEARS, execution.getVariable(ListDishonestRespondent.LISTING_YEARS));
    Context.getCommandContext().runWithoutAuthorization(() -> execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(MESSAGE).processInstanceBusinessKey(execution.getProcessBusinessKey())
        .setVariables(listing).correlateStartMessage());
  }
}
