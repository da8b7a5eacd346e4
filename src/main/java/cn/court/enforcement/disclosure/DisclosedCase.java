package cn.court.enforcement.disclosure;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer of the public disclosure endpoint: exactly what an applicant may see of their case.
 * {@code team}, {@code teamPhone} and {@code handler} are null while not yet known.
 */
public record DisclosedCase(String caseNumber, LocalDate filingDate, List<String> applicants, List<String> respondents,
    String currentStage, String team, String teamPhone, String handler, List<Node> timeline) {

  /** One node of the case: its Chinese name, the day it began and the day it was done (null while open). */
  public record Node(String name, LocalDate started, LocalDate ended) {}
}
