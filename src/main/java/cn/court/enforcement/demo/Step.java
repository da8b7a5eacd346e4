package cn.court.enforcement.demo;

import java.util.Map;

/**
 * One step of a case: a user task completed by a member of {@code group} with the form data
 * Tasklist would send, or (group {@code null}) an asynchronous service task whose job is run.
 */
public record Step(String taskKey, String group, Map<String, Object> variables) {

  /** Group placeholder for the team chosen by random allocation (process variable handlingTeam). */
  public static final String HANDLING_TEAM = "${handlingTeam}";

  public Step {
    variables = Map.copyOf(variables);
  }

  static Step job(String activityId) {
    return new Step(activityId, null, Map.of());
  }

  public boolean isJob() {
    return group == null;
  }

  /** The candidate group, with the handling team filled in. */
  public String groupFor(String handlingTeam) {
    return HANDLING_TEAM.equals(group) ? handlingTeam : group;
  }
}
