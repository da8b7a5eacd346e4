package cn.court.enforcement.handler;

/** Process variables of the case's handler (承办人), shown by Tasklist filters and read by the diagrams. */
public final class HandlerVariables {

  /** The handler's login: team tasks of the case are assigned to it ({@code camunda:assignee}). */
  public static final String CASE_HANDLER = "caseHandler";
  public static final String CASE_HANDLER_NAME = "caseHandlerName";
  /** The team the handler was named for (the quick team, or the allocated ordinary team). */
  public static final String CASE_HANDLER_TEAM = "caseHandlerTeam";
  /** Input parameter of the naming tasks: the team whose leader names the handler. */
  public static final String HANDLER_TEAM = "handlerTeam";
  /** Task-local options of the naming form's select (form-js {@code valuesKey}). */
  public static final String TEAM_MEMBERS = "teamMembers";

  private HandlerVariables() {
  }
}
