package cn.court.enforcement.termination;

/** Variable names and keys of termination-follow-up and case-resumption (issue 14, contract-14). */
public final class ResumptionVariables {

  public static final String FOLLOW_UP_PROCESS = "termination-follow-up";
  public static final String RESUMPTION_PROCESS = "case-resumption";
  /** Start message of case-resumption raised by the follow-up when a query finds property. */
  public static final String RESUMPTION_REQUESTED = "ResumptionRequested";
  /** Message to the follow-up (business key: the old case number) when its case is resumed. */
  public static final String CASE_RESUMED = "TerminatedCaseResumed";

  // Passed by the case (contract-14).
  public static final String CASE_INSTANCE_ID = "caseInstanceId";
  public static final String UNPAID_AMOUNT = "unpaidAmount";
  public static final String TERMINATED_ON = "terminatedOn";
  /** The case's variable with the date of the 终本 ruling (recorded by termination-review). */
  public static final String TERMINATION_RULED_ON = "terminationRuledOn";

  // Follow-up.
  public static final String QUERY_COUNT = "queryCount";
  public static final String NEXT_QUERY_AT = "nextQueryAt";
  public static final String PROPERTY_FOUND = "propertyFound";
  public static final String PROPERTY_KIND = "propertyKind";
  public static final String PROPERTY_DESCRIPTION = "propertyDescription";
  public static final String PROPERTY_VALUE = "propertyValue";
  public static final String LETTER_SUBJECT = "letterSubject";
  public static final String LETTER_TEXT = "letterText";
  public static final String INFORMED_BY = "informedBy";

  // Resumption.
  public static final String TRIGGER = "resumptionTrigger";
  public static final String TRIGGER_PROPERTY_FOUND = "property-found";
  public static final String TRIGGER_APPLICATION = "application";
  public static final String REASON = "resumptionReason";
  public static final String APPROVER = "resumptionApprover";
  public static final String APPROVER_ROLE = "resumption-approval";
  public static final String DECISION = "resumptionDecision";
  public static final String APPROVED = "approved";
  public static final String REFUSED = "refused";
  public static final String REFUSAL_REASON = "refusalReason";
  public static final String RESUMED_FROM = "resumedFrom";
  public static final String RESUMED_AS = "resumedAs";
  /** True when the case had already been resumed by another request: no second case. */
  public static final String ALREADY_RESUMED = "alreadyResumed";

  private ResumptionVariables() {
  }
}
