package cn.court.enforcement.entrusted;

import java.util.Map;

/** Names of the process {@code entrusted-matter}, its messages and its variables. */
public final class EntrustedVariables {

  public static final String PROCESS_KEY = "entrusted-matter";
  /** Message start of entrusted-matter: a handling team asks for an offline measure (business key = case number). */
  public static final String REQUESTED_MESSAGE = "EntrustedMatterRequested";
  /** Message to the case's event sub-process: the offline measure is done (correlated to caseInstanceId). */
  public static final String REPORTED_MESSAGE = "EntrustedMatterReported";

  public static final String MATTER_ID = "entrustedMatterId";
  /** {@code court}: a request of another court; {@code team}: an offline measure a team asked for. */
  public static final String MATTER_SOURCE = "matterSource";
  public static final String SOURCE_COURT = "court";
  public static final String SOURCE_TEAM = "team";
  /** What every form of the process shows of the matter (readonly textarea). */
  public static final String MATTER_SUMMARY = "matterSummary";
  public static final String CASE_INSTANCE_ID = "caseInstanceId";
  public static final String REQUESTING_TEAM = "requestingTeam";

  // Start form entrusted-request (the business key is caseNumber: the entrusting court's case number).
  public static final String ENTRUSTING_COURT = "entrustingCourt";
  public static final String MATTER_KIND = "matterKind";
  public static final String MATTER = "matter";
  public static final String DOCUMENTS = "documents";
  public static final String RECEIVED_ON = "receivedOn";
  public static final String REQUESTED_BY = "requestedBy";

  // Team request (team-next-step's field) and its result (form offline-request).
  public static final String OFFLINE_REQUEST = "offlineRequest";
  public static final String OFFLINE_MEASURE = "offlineMeasure";

  /** Kinds of matter of the start form with their labels (a team's request is {@code offline-control}). */
  public static final Map<String, String> KINDS = Map.of(
      "enforcement", "委托执行（受托执行案件）",
      "investigation", "调查、查询财产",
      "control", "查封、冻结、扣划财产",
      "service", "送达法律文书",
      "other", "其他事项");

  private EntrustedVariables() {
  }
}
