package cn.court.enforcement.petition;

/** Names of the process {@code petition} and its variables (forms petition-*). */
public final class PetitionVariables {

  public static final String PROCESS_KEY = "petition";

  // Start form 登记信访事项 (petition-register).
  public static final String KIND = "petitionKind";
  public static final String PETITIONER = "petitioner";
  public static final String CONTACT = "petitionerContact";
  public static final String HANDED_DOWN_BY = "handedDownBy";
  public static final String HANDED_DOWN_REFERENCE = "handedDownReference";
  public static final String PROCURATORATE_DOCUMENT = "procuratorateDocument";
  /** The date by which the body handing the matter down wants it done (optional). */
  public static final String DEADLINE_GIVEN = "deadlineGiven";
  public static final String MATTER = "petitionMatter";
  /** Start point of the reply limits (time-limits.yml, start: received). */
  public static final String RECEIVED_ON = "receivedOn";
  /** The case the petition names, as typed; once checked, the business key and caseNumber. */
  public static final String CASE_NUMBER_GIVEN = "petitionCaseNumber";

  // Set at registration.
  public static final String PETITION_ID = "petitionId";
  /** What the later forms show of the petition. */
  public static final String SUMMARY = "petitionSummary";
  /** Who receives the reply: the petitioner, or the body that handed the matter down. */
  public static final String REPLY_TO = "replyTo";
  /** Which reply the petition needs: {@code petition}, {@code recommendation} or {@code inquiry}. */
  public static final String ROUTE = "petitionRoute";
  public static final String ASSISTANT = "petitionAssistant";
  public static final String HANDLER = "petitionHandler";

  // Reply forms (petition-answer, petition-procuratorate-reply).
  public static final String FINDINGS = "petitionFindings";
  public static final String REPLY = "petitionReply";
  public static final String REPLY_METHOD = "replyMethod";
  public static final String REPLIED_ON = "repliedOn";
  public static final String RECOMMENDATION_OUTCOME = "recommendationOutcome";
  /** Who recorded the reply (the signed-in user): the close-off is refused to them. */
  public static final String REPLIED_BY = "petitionRepliedBy";
  public static final String REPLIED_BY_NAME = "petitionRepliedByName";

  // Close-off form 核销信访事项 (petition-close-off).
  public static final String CLOSE_OFF_DECISION = "closeOffDecision";
  public static final String CLOSE_OFF_OPINION = "closeOffOpinion";
  public static final String CLOSED_OFF = "closed-off";
  public static final String RETURNED = "returned";
  /** The handler's reason for a return, shown on the reply form. */
  public static final String RETURN_REASON = "petitionReturnReason";

  private PetitionVariables() {
  }
}
