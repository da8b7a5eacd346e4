package cn.court.enforcement.casefile;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The respondent a record concerns, picked in the form from the case's respondents (select
 * {@code respondentPartyId} over the options {@link PartyVariables#RESPONDENT_OPTIONS}). The
 * options come from the case, so the form cannot check them: the server does.
 */
final class RespondentChoice {

  static final String KEY = "respondentPartyId";

  private RespondentChoice() {
  }

  /** The chosen respondent's party id, or null (then {@code check} names the problem). */
  static Long of(FormCheck check, CaseRegistry registry, String caseNumber, String label) {
    Map<String, Long> ids = registry.respondents(caseNumber).stream()
        .collect(Collectors.toMap(party -> String.valueOf(party.id()), CaseRegistry.CaseParty::id));
    String chosen = check.oneOf(KEY, label, ids.keySet());
    return chosen == null ? null : ids.get(chosen);
  }
}
