package cn.court.enforcement.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a case: a user task completed by a member of {@code group} with the form data
 * Tasklist would send; an asynchronous activity (a service task, a timer) whose job is run; or a
 * process beside the case started with its start form by a member of {@code group} (a petition).
 */
public record Step(Kind kind, String taskKey, String group, Map<String, Object> variables) {

  /** What the walker does: complete a user task, run a job, or start a process ({@code taskKey}: its key). */
  public enum Kind { TASK, JOB, START }

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

  /** Value placeholder for a member of the task's team, chosen by the walker (the handler named). */
  public static final String TEAM_MEMBER = "${teamMember}";

  public Step {
    variables = Map.copyOf(variables);
  }

  /** A user task of {@code group}. */
  public Step(String taskKey, String group, Map<String, Object> variables) {
    this(Kind.TASK, taskKey, group, variables);
  }

  static Step job(String activityId) {
    return new Step(Kind.JOB, activityId, null, Map.of());
  }

  /** Process {@code processKey} started with its start form by a member of {@code group}. */
  static Step start(String processKey, String group, Map<String, Object> form) {
    return new Step(Kind.START, processKey, group, form);
  }

  /** The form data: {@code member} for the team member, each respondent for its placeholder. */
  public Map<String, Object> variablesFor(String member, List<String> respondentOptions) {
    Map<String, Object> filled = withRespondents(variables, respondentOptions);
    filled.replaceAll((name, value) -> TEAM_MEMBER.equals(value) ? member : value);
    return filled;
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
    return kind == Kind.JOB;
  }

  /** The candidate group, with the handling team filled in. */
  public String groupFor(String handlingTeam) {
    return HANDLING_TEAM.equals(group) ? handlingTeam : group;
  }
}
