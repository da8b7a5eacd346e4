package cn.court.enforcement.engine;

import static cn.court.enforcement.engine.MapperPatches.appended;
import static cn.court.enforcement.engine.MapperPatches.keepFirstGroup;
import static cn.court.enforcement.engine.MapperPatches.replaceOnce;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Makes the task query's authorization check scale with the caller's grants instead of with the
 * square of the open tasks. Camunda joins ACT_RU_AUTHORIZATION on
 * {@code RESOURCE_ID_ IN (task id, definition key, '*')}, which no database can hash: with one
 * grant per candidate group of every open task, 本组待办 took 9 s at 5,000 open cases
 * (docs/decisions.md). The engine loads Camunda's own {@code Task.xml} with that join removed
 * and the check rewritten ({@code task-authorization.xml}): a row whose candidate link, assignee
 * or owner names the caller passes at once — Camunda's default provider granted READ on the task
 * to exactly these — and only the other rows ask for a grant on '*', the task or its definition,
 * by index look-up. Who sees which task is as before; a group's list no longer reads the caller's
 * per-task grants (one per open task of the group). Operaton and CIB seven replaced the join in
 * their copies of the engine too (with EXISTS).
 *
 * <p>A candidate filter (本组待办, 待办事项) is an {@code EXISTS} on the identity links instead of
 * Camunda's join, so each task is one row: pages and counts are then plain, not {@code DISTINCT}
 * (only the involved user still joins the links). A distinct page in due order cannot stop after
 * 15 rows on PostgreSQL 15; without it each staff list's page at 100,000 open cases takes about
 * 1 ms instead of 9–15.
 *
 * <p>The variable query (Tasklist's case columns of a page) had the same join, of a few dozen
 * variables with all the caller's grants (11,000 rows for the intake clerk at 10,000 open cases:
 * 160 ms); it now asks, per variable, whether a grant exists for its instance, definition or task
 * ({@code EXISTS}, an index look-up each; {@code variable-authorization.xml}).
 *
 * <p>Served by {@link MapperPatches}. When a Camunda upgrade changes the patched text, the engine
 * refuses to start (and TaskQueryAuthorizationTest fails) instead of silently running the slow query.
 */
final class TaskQueryAuthorization {

  static final String TASK_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
  static final String VARIABLE_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/VariableInstance.xml";
  private static final String FRAGMENTS = "cn/court/enforcement/engine/task-authorization.xml";
  private static final String VARIABLE_FRAGMENTS = "cn/court/enforcement/engine/variable-authorization.xml";
  private static final String AUTH = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.";
  private static final String TASK = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.";

  private static final Pattern JOIN = Pattern.compile(
      "<include refid=\"" + Pattern.quote(AUTH + "authCheckJoinWithoutOnClause") + "\"\\s*/>\\s*"
          + Pattern.quote("AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_ ${authJoinSeparator} D.KEY_ "
          + "${authJoinSeparator} '*' ${authJoinEnd})"));
  private static final Pattern VARIABLE_JOIN = Pattern.compile(
      "<include refid=\"" + Pattern.quote(AUTH + "authCheckJoinWithoutOnClause") + "\"\\s*/>\\s*"
          + "AUTH ON \\(AUTH\\.RESOURCE_ID_ \\$\\{authJoinStart\\}\\s*RES\\.PROC_INST_ID_\\s*"
          + "\\$\\{authJoinSeparator\\} PROC_EXECUTION\\.ID_\\s*\\$\\{authJoinSeparator\\} PROCDEF\\.KEY_\\s*"
          + "\\$\\{authJoinSeparator\\} RES\\.TASK_ID_\\s*\\$\\{authJoinSeparator\\} '\\*'\\s*\\$\\{authJoinEnd\\}\\s*\\)");
  private static final Pattern COUNT = Pattern.compile(Pattern.quote("${countDistinctBeforeStart} RES.ID_ ${countDistinctBeforeEnd}")
      + "\\s*" + Pattern.quote("<include refid=\"selectTaskByQueryCriteriaSql\"/>") + "\\s*"
      + Pattern.quote("${countDistinctAfterEnd}"));
  /** Where Camunda joins the identity links for a candidate filter (and for the involved user). */
  private static final Pattern LINK_JOIN = Pattern.compile("(" + Pattern.quote("<if test=\"query != null &amp;&amp; (query.candidateUser != null"
      + " || query.candidateGroups != null  || query.candidateGroupLike != null || query.involvedUser != null"
      + " || query.withCandidateGroups || query.withCandidateUsers)\">") + ")\\s*" + Pattern.quote("<bind name=\"I_JOIN\" value=\"true\" />")
      + "\\s*</if>");
  private static final Pattern LINK_JOIN_DEFAULT = Pattern.compile(Pattern.quote("<bind name=\"I_JOIN\" value=\"false\" />"));
  /** The candidate filter's start (after the unassigned test) and end, which test the joined link I. */
  private static final Pattern CANDIDATES_START = Pattern.compile("(" + Pattern.quote("<if test=\"!query.includeAssignedTasks\">")
      + "\\s*and RES.ASSIGNEE_ is null\\s*</if>\\s*)" + Pattern.quote("and I.TYPE_ = 'candidate'"));
  private static final Pattern CANDIDATES_END = Pattern.compile("(" + Pattern.quote("<if test=\"query.withCandidateUsers\">")
      + "\\s*and I.USER_ID_ is not null\\s*</if>)");
  private static final Pattern PAGE_DISTINCT = Pattern.compile(Pattern.quote("select ${distinct}"));
  private static final Pattern CHECK = Pattern.compile(
      "<include refid=\"" + Pattern.quote(AUTH + "contextualAuthorizationCheck") + "\"\\s*/>");

  private TaskQueryAuthorization() {
  }

  /** The patches of Camunda's task and variable mappings, for {@link MapperPatches}. */
  static Map<String, UnaryOperator<String>> patches() {
    return Map.of(TASK_MAPPING, xml -> patch(xml, MapperPatches.read(FRAGMENTS)),
        VARIABLE_MAPPING, xml -> patchVariables(xml, MapperPatches.read(VARIABLE_FRAGMENTS)));
  }

  /**
   * Camunda's Task.xml with the join removed, the check replaced and the count distinct only where
   * a row can come twice (the identity-link join); fails on any other text.
   */
  static String patch(String taskXml, String fragments) {
    String counted = replaceOnce(COUNT, taskXml, "<include refid=\"" + TASK + "courtTaskCount\"/>");
    String linked = replaceOnce(LINK_JOIN_DEFAULT, counted, "<bind name=\"I_JOIN\" value=\"false\" /><bind name=\"COURT_LINKS\" value=\"false\" />");
    linked = keepFirstGroup(LINK_JOIN, linked, "<bind name=\"COURT_LINKS\" value=\"true\" /></if>"
        + "<if test=\"query != null &amp;&amp; query.involvedUser != null\"><bind name=\"I_JOIN\" value=\"true\" /></if>");
    linked = keepFirstGroup(CANDIDATES_START, linked, "and EXISTS (select 1 from ${prefix}ACT_RU_IDENTITYLINK I"
        + " where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate'");
    linked = keepFirstGroup(CANDIDATES_END, linked, " )");
    String paged = replaceOnce(PAGE_DISTINCT, linked, "<include refid=\"" + TASK + "courtRowsTwice\"/>"
        + " select <if test=\"courtRowsTwice\">${distinct}</if>");
    return patched(paged, JOIN, TASK + "courtTaskAuthorizationCheck", fragments);
  }

  /** Camunda's VariableInstance.xml likewise. */
  static String patchVariables(String variableXml, String fragments) {
    return patched(variableXml, VARIABLE_JOIN,
        "org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity.courtVariableAuthorizationCheck", fragments);
  }

  private static String patched(String xml, Pattern join, String check, String fragments) {
    String withoutJoin = replaceOnce(join, xml, "");
    return appended(replaceOnce(CHECK, withoutJoin, "<include refid=\"" + check + "\" />"), fragments);
  }
}
