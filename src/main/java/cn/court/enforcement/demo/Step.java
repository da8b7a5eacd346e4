package cn.court.enforcement.demo;

import java.util.HashMap;
import java.util.Map;

/**
 * One step of a case: a user task completed by a member of {@code group} with the form data
 * Tasklist would send, or (group {@code null}) an asynchronous service task whose job is run.
 */
public record Step(String taskKey, String group, Map<String, Object> variables) {

  /** Group placeholder for the team chosen by random allocation (process variable handlingTeam). */
  public static final String HANDLING_TEAM = "${handlingTeam}";

  /** Value placeholder for a member of the task's team, chosen by the walker (the handler named). */
  public static final String TEAM_MEMBER = "${teamMember}";

  public Step {
    variables = Map.copyOf(variables);
  }

  static Step job(String activityId) {
    return new Step(activityId, null, Map.of());
  }

  public boolean isJob() {
    return group == null;
  }

  /** The form data, with {@code member} for the team member placeholder. */
  public Map<String, Object> variablesFor(String member) {
    Map<String, Object> filled = new HashMap<>(variables);
    filled.replaceAll((name, value) -> TEAM_MEMBER.equals(value) ? member : value);
    return filled;
  }

  /** The candidate group, with the handling team filled in. */
  public String groupFor(String handlingTeam) {
    return HANDLING_TEAM.equals(group) ? handlingTeam : group;
  }
}
