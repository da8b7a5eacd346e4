package cn.court.enforcement.clues;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One property clue of a case: what it says, who gave it (the applicant, or the respondent's
 * report of property) and how it reached the court, and once verified the result: found,
 * not-found, unverifiable (the verification form), or case-closed (the case closed first).
 */
public record Clue(String caseNumber, String source, String channel, String description, String processInstanceId,
    LocalDateTime recordedAt, String result, String notes, LocalDate verifiedOn, String verifiedBy) {

  public static final String APPLICANT = "applicant";
  public static final String RESPONDENT_REPORT = "respondent-report";

  public static final String FILING = "filing";
  public static final String INTERVIEW = "interview";
  public static final String REGISTERED = "registered";

  private static final int SHOWN = 40;

  /** Who gave it and how, e.g. 申请执行人立案时提供, 被执行人谈话时报告. */
  public String origin() {
    return origin(source, channel);
  }

  static String origin(String source, String channel) {
    String when = switch (channel) {
      case FILING -> "立案时";
      case INTERVIEW -> "谈话时";
      default -> "";
    };
    return RESPONDENT_REPORT.equals(source) ? "被执行人" + when + "报告" : "申请执行人" + when + "提供";
  }

  /** The clue as messages name it: 「被执行人名下有车辆一辆」（申请执行人立案时提供）, long text cut. */
  public String label() {
    String text = description.length() > SHOWN ? description.substring(0, SHOWN) + "…" : description;
    return "「" + text + "」（" + origin() + "）";
  }
}
