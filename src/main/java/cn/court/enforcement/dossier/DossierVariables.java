package cn.court.enforcement.dossier;

/** Names of the dossier processes and their variables (forms dossier-*). */
public final class DossierVariables {

  public static final String DOSSIER_PROCESS = "dossier";
  public static final String HANDOVER_PROCESS = "dossier-handover";
  public static final String LENDING_PROCESS = "dossier-lending";
  public static final String BUREAU_LEADERS = "bureau-leaders";

  // dossier-handover: start form 登记返回单位 and who hands over (task candidate group, assignee).
  public static final String TRIP_PURPOSE = "tripPurpose";
  public static final String HANDOVER_TEAM = "handoverTeam";
  public static final String HANDOVER_HANDLER = "handoverHandler";
  public static final String HANDOVER_ID = "handoverId";
  // 移交纸质材料
  public static final String MATERIAL = "material";
  public static final String MATERIAL_PAGES = "materialPages";
  // 登记审核移交材料
  public static final String MATERIAL_CHECK = "materialCheck";
  public static final String CHANGE_REQUESTS = "changeRequests";
  public static final String KEY_NODES = "keyNodes";
  // 修改移交材料
  public static final String CORRECTION = "correction";
  public static final String DISPUTE_REASON = "disputeReason";
  // 局长决定材料争议
  public static final String CHIEF_DECISION = "chiefDecision";
  // 扫描上传、命名编目 (one document per completion; moreDocuments loops)
  public static final String DOCUMENT_TYPE = "documentType";
  public static final String DOCUMENT_NAME = "documentName";
  public static final String DOCUMENT_PAGES = "documentPages";

  public static final String ACCEPTED = "accepted";
  public static final String REFUSED = "refused";
  public static final String DISPUTED = "disputed";
  public static final String ACCEPT_AS_IS = "accept-as-is";
  public static final String CORRECT = "correct";

  // dossier-lending: start form 登记借阅 and 归还借阅卷宗.
  public static final String BORROWER = "borrower";
  public static final String USE_KIND = "useKind";
  public static final String PURPOSE = "lendingPurpose";
  public static final String LENT_ON = "lentOn";
  public static final String PURPOSE_ENDS_ON = "purposeEndsOn";
  /** When the purpose ends (end of that day): the return task appears, due 1 working day later. */
  public static final String PURPOSE_ENDS_AT = "purposeEndsAt";
  public static final String LENDING_ID = "lendingId";
  public static final String RETURNED_ON = "returnedOn";

  private DossierVariables() {
  }
}
