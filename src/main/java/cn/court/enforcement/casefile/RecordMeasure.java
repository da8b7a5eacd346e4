package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseVariables.NEXT_MEASURE;
import static cn.court.enforcement.casefile.CaseVariables.PUNISHMENT_DECISION;
import static cn.court.enforcement.casefile.CaseVariables.PUNISHMENT_KIND;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Writes a measure of the handling team to the case registry (the closure checks read it):
 * a measure, an interview with a party, a signed punitive ruling or consumption-restriction
 * order, a dishonest listing removed (an offline measure done on the team's request comes back
 * from intensive affairs by message: entrusted/RecordEntrustedReport). The
 * forms share the fields measureDate and measureSummary, which are cleared afterwards so the
 * next measure starts with an empty form.
 */
@Component("recordMeasure")
public class RecordMeasure extends TaskCompletionListener {

  public static final String INTERVIEW_PREFIX = "interview-";
  private static final List<String> FIELDS = List.of(RespondentChoice.KEY, "measureDate", "measureSummary", "interviewParty",
      "rulingNumber", "rulingRemarks", PUNISHMENT_DECISION, PUNISHMENT_KIND,
      "punishmentGrounds", "fineAmount", "detentionDays");

  private final CaseRegistry registry;

  public RecordMeasure(CaseRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    String measure = measure(execution.getCurrentActivityId(), check);
    LocalDate date = measure == null ? null : check.date("measureDate", "日期");
    String summary = measure == null ? null : check.text("measureSummary", "情况记录");
    String caseNumber = execution.getProcessBusinessKey();
    Long respondent = concernsRespondent(execution.getCurrentActivityId(), measure)
        ? RespondentChoice.of(check, registry, caseNumber, "涉及的被执行人") : null;
    check.throwIfInvalid(taskName(execution));
    if (measure != null) {
      registry.recordMeasure(caseNumber, measure, date, summary, respondent);
    }
    execution.removeVariables(FIELDS);
  }

  /** Team measures, interviews of a respondent and punishments name the respondent they concern. */
  private static boolean concernsRespondent(String taskKey, String measure) {
    return measure != null
        && (!"Task_RecordInterview".equals(taskKey) || measure.equals(INTERVIEW_PREFIX + CaseFiling.RESPONDENT));
  }

  /** The measure the task records, or null when there is nothing to record (ruling refused). */
  private static String measure(String taskKey, FormCheck check) {
    return switch (taskKey) {
      case "Task_RecordTeamMeasure" -> check.text(NEXT_MEASURE, "措施");
      case "Task_RecordInterview" -> {
        String party = check.oneOf("interviewParty", "谈话对象", Set.of(CaseFiling.APPLICANT, CaseFiling.RESPONDENT));
        yield INTERVIEW_PREFIX + party;
      }
      case "Task_SignPunishmentRuling", "Task_SignConsumptionRestriction" -> {
        String decision = check.oneOf(PUNISHMENT_DECISION, "签发意见", Set.of("signed", "rejected"));
        if ("rejected".equals(decision)) {
          check.text("rulingRemarks", "不予签发的理由");
          yield null;
        }
        check.text("rulingNumber", "决定书文号");
        yield "punishment-" + check.text(PUNISHMENT_KIND, "惩戒措施");
      }
      case "Task_RemoveDishonestListing" -> "dishonest-list-removed";
      default -> throw new IllegalStateException("No measure recorded by task " + taskKey);
    };
  }
}
