package cn.court.enforcement.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a case: a user task completed by a member of {@code group} with the form data
 * Tasklist would send, or (group {@code null}) an asynchronous service task whose job is run.
 */
public record Step(String taskKey, String group, Map<String, Object> variables) {

  /** Group placeholder for the team chosen by random allocation (process variable handlingTeam). */
  public static final String HANDLING_TEAM = "${handlingTeam}";

  private static final String RESPONDENT = "${respondent:";

  /**
   * Stands for the case's n-th respondent (from 1) in a step's variables: the option a person
   * picks in a respondent field, whose value (the party id) exists only once the case is filed.
   */
  public static String respondent(int n) {
    return RESPONDENT + n + "}";
  }

  public Step {
    variables = Map.copyOf(variables);
  }

  static Step job(String activityId) {
    return new Step(activityId, null, Map.of());
  }

  /** The variables with each respondent placeholder replaced by that respondent's option value. */
  public Map<String, Object> variablesFor(List<String> respondentOptions) {
    return withRespondents(variables, respondentOptions);
  }

  /** {@code variables} with each {@link #respondent(int)} placeholder replaced by that option value. */
  public static Map<String, Object> withRespondents(Map<String, Object> variables, List<String> respondentOptions) {
    Map<String, Object> resolved = new HashMap<>(variables);
    resolved.replaceAll((name, value) -> value instanceof String text && text.startsWith(RESPONDENT)
        ? respondentOptions.get(Integer.parseInt(text.substring(RESPONDENT.length(), text.length() - 1)) - 1)
        : value);
    return resolved;
  }

  public boolean isJob() {
    return group == null;
  }

  /** The candidate group, with the handling team filled in. */
  public String groupFor(String handlingTeam) {
    return HANDLING_TEAM.equals(group) ? handlingTeam : group;
  }
}
