package cn.court.enforcement.casefile;

/** Names of the process variables of {@code enforcement-case} and its called processes. */
public final class CaseVariables {

  public static final String PROCESS_KEY = "enforcement-case";

  // Filing (start form case-filing); the due-date helper reads filingDate and nonLitigation.
  public static final String CASE_NUMBER = "caseNumber";
  public static final String FILING_DATE = "filingDate";
  public static final String CASE_KIND = "caseKind";
  public static final String NON_LITIGATION = "nonLitigation";
  public static final String AMOUNT_CLAIMED = "amountClaimed";
  public static final String PROPERTY_CLUES = "propertyClues";
  public static final String BASIS_DOCUMENT_NUMBER = "basisDocumentNumber";
  public static final String BASIS_COURT = "basisCourt";
  public static final String BASIS_TYPE = "basisType";

  // Routing.
  public static final String FILING_CHECK = "filingCheck";
  public static final String FILING_ERRORS = "filingErrors";
  public static final String INQUIRY_RESULT = "inquiryResult";
  public static final String MORE_ITEMS = "moreItems";
  public static final String OFFLINE_ACTION_NEEDED = "offlineActionNeeded";
  public static final String PROPERTY_ITEM_ID = "propertyItemId";
  public static final String PROPERTY_DESCRIPTION = "propertyDescription";
  public static final String SUGGESTED_TRACK = "suggestedTrack";
  public static final String CASE_TRACK = "caseTrack";
  public static final String OVERRIDE_REASON = "overrideReason";
  public static final String QUICK_OUTCOME = "quickOutcome";
  public static final String HAND_BACK_REASON = "handBackReason";
  public static final String NEXT_MEASURE = "nextMeasure";
  public static final String CLOSURE_KIND = "closureKind";
  public static final String CLOSURE_REASON = "closureReason";
  /** Set by the end events of the closure sub-process: false when 终本 was not approved. */
  public static final String CASE_CLOSED = "caseClosed";
  /** Start points of time limits (config/time-limits.yml: case-closed, money-arrived). */
  public static final String CLOSED_DATE = "closedDate";
  public static final String MONEY_ARRIVED_DATE = "moneyArrivedDate";
  public static final String TERMINATION_DECISION = "terminationDecision";
  public static final String PUNISHMENT_KIND = "punishmentKind";
  public static final String PUNISHMENT_DECISION = "punishmentDecision";

  // Allocation contract (delegate ${randomAllocation} written by the allocation feature).
  public static final String CONFLICT_TEAMS = "conflictTeams";
  public static final String CONFLICT_REASON = "conflictReason";
  public static final String HANDLING_TEAM = "handlingTeam";
  public static final String ASSIGNMENT_REASON = "assignmentReason";

  // Asset disposal beside the case (issue 13): one asset-disposal instance per asset, whose
  // reports come back by message; a Json list of them and its text for the team's forms.
  public static final String CASE_DISPOSALS = "caseDisposals";
  public static final String CASE_DISPOSALS_TEXT = "caseDisposalsText";
  /** [{label, value: property item id}] of the case's property items: the asset picker's valuesKey. */
  public static final String PROPERTY_ITEM_OPTIONS = "propertyItemOptions";

  public static final String TRACK_QUICK = "quick";
  public static final String TRACK_ORDINARY = "ordinary";
  public static final String CASE_CLOSED_MESSAGE = "CaseClosed";

  private CaseVariables() {
  }
}
