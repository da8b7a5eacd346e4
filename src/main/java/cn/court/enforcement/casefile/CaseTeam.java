package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseVariables.CASE_TRACK;
import static cn.court.enforcement.casefile.CaseVariables.HANDLING_TEAM;
import static cn.court.enforcement.casefile.CaseVariables.TRACK_QUICK;
import static cn.court.enforcement.handler.HandlerVariables.CASE_HANDLER;
import static cn.court.enforcement.handler.HandlerVariables.CASE_HANDLER_TEAM;

import java.util.function.Function;

/**
 * Who works on a case, read from the case's variables: its handling team (the allocated
 * ordinary team, or the quick team once triage chose the quick track) and that team's handler
 * (承办人) once named. Before any team has the case, network control — the unit investigating its
 * property at that stage (SPEC §2 step 3) — verifies its clues.
 *
 * @param team the handling team, or null before triage or allocation
 * @param handler the handler named for that team, or null
 */
public record CaseTeam(String team, String handler) {

  public static final String QUICK_TEAM = "quick-team";
  public static final String NETWORK_CONTROL = "network-control";

  public static CaseTeam of(Function<String, Object> caseVariables) {
    Object allocated = caseVariables.apply(HANDLING_TEAM);
    String team = allocated != null ? allocated.toString()
        : TRACK_QUICK.equals(caseVariables.apply(CASE_TRACK)) ? QUICK_TEAM : null;
    // A quick case handed back keeps the quick team's handler until the allocated team names its own.
    Object handler = team != null && team.equals(caseVariables.apply(CASE_HANDLER_TEAM))
        ? caseVariables.apply(CASE_HANDLER) : null;
    return new CaseTeam(team, handler == null ? null : handler.toString());
  }

  /** The candidate group of the case's clue verifications now. */
  public String verifiers() {
    return team != null ? team : NETWORK_CONTROL;
  }
}
