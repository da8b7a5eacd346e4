package cn.court.enforcement.clues;

/** Names of the process {@code clue-verification} and its variables (forms clue-register, clue-verify). */
public final class ClueVariables {

  public static final String PROCESS_KEY = "clue-verification";

  // Start form 登记财产线索, also set by the case when a clue comes from its own forms.
  public static final String CLUE_SOURCE = "clueSource";
  public static final String CLUE_DESCRIPTION = "clueDescription";
  /** Set by the case (filing, interview); absent when staff register the clue in Tasklist. */
  public static final String CLUE_CHANNEL = "clueChannel";

  // Who verifies: the user task's candidate group and assignee.
  public static final String CLUE_TEAM = "clueTeam";
  public static final String CLUE_HANDLER = "clueHandler";
  /** Shown on the verification form: who gave the clue, and how. */
  public static final String CLUE_ORIGIN = "clueOrigin";

  // Verification form 核查财产线索.
  public static final String CLUE_RESULT = "clueResult";
  public static final String VERIFIED_ON = "verifiedOn";
  public static final String CLUE_NOTES = "clueNotes";

  private ClueVariables() {
  }
}
