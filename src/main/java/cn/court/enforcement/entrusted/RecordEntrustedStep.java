package cn.court.enforcement.entrusted;

import static cn.court.enforcement.entrusted.EntrustedVariables.*;

import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End listener of the intensive-affairs tasks of {@code entrusted-matter}: writes each step to the
 * matter's row, and leaves for the reply what it must tell the entrusting court
 * ({@value #RESULT_TEXT}).
 */
@Component("recordEntrustedStep")
public class RecordEntrustedStep extends TaskCompletionListener {

  static final String DECISION = "requestDecision";
  static final String RESULT_TEXT = "matterResultText";
  private static final Set<String> OUTCOMES = Set.of("done", "partly", "impossible");

  private final EntrustedMatters matters;

  public RecordEntrustedStep(EntrustedMatters matters) {
    this.matters = matters;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    long id = ((Number) execution.getVariable(MATTER_ID)).longValue();
    EntrustedMatters.Matter matter = matters.matter(id);
    switch (execution.getCurrentActivityId()) {
      case "Task_ReviewEntrustedRequest" -> {
        boolean accepted = "accept".equals(check.oneOf(DECISION, "受理意见", Set.of("accept", "refuse")));
        String reason = accepted ? null : check.text("refusalReason", "不予受理的理由");
        check.throwIfInvalid(taskName(execution));
        if (accepted) {
          matters.accepted(id);
        } else {
          matters.refused(id, reason);
          execution.setVariable(RESULT_TEXT, "不予受理：" + reason);
        }
      }
      case "Task_HandleEntrustedMatter" -> {
        String outcome = check.oneOf("matterOutcome", "办理结果", OUTCOMES);
        LocalDate doneOn = doneOn(check, "matterDoneOn", matter);
        String result = check.text("matterResult", "办理情况");
        check.throwIfInvalid(taskName(execution));
        matters.done(id, outcome, doneOn, result);
        execution.setVariable(RESULT_TEXT, "%s（%s）：%s".formatted(outcomeLabel(outcome), doneOn, result));
      }
      case "Task_SendStatusLetter" -> {
        String number = check.text("statusLetterNumber", "函件文号");
        LocalDate sentOn = check.date("statusLetterOn", "发函日期");
        check.text("statusLetterText", "执行情况");
        check.throwIfInvalid(taskName(execution));
        matters.statusLetter(id, number, sentOn);
      }
      case "Task_ReplyToEntrustingCourt" -> {
        String number = check.text("replyNumber", "复函文号");
        LocalDate repliedOn = check.date("repliedOn", "复函日期");
        check.throwIfInvalid(taskName(execution));
        matters.answered(id, number, repliedOn);
      }
      case "Task_HandleOfflineRequest" -> {
        String measure = check.text(OFFLINE_MEASURE, "采取的措施");
        // A team's request has no receipt typed by staff (registered when the team asked): the form's rule alone.
        LocalDate doneOn = check.date("measureDate", "办理日期");
        String summary = check.text("measureSummary", "办理情况");
        check.throwIfInvalid(taskName(execution));
        matters.done(id, measure, doneOn, summary);
      }
      default -> throw new IllegalStateException("No step of an entrusted matter at " + execution.getCurrentActivityId());
    }
  }

  /**
   * The day another court's matter was done: not in the future (the form's rule), nor before the receipt
   * staff registered.
   */
  private static LocalDate doneOn(FormCheck check, String field, EntrustedMatters.Matter matter) {
    LocalDate day = check.date(field, "办理日期");
    check.require(day == null || !day.isBefore(matter.receivedOn()), "办理日期不能早于收到委托的日期 " + matter.receivedOn());
    return day;
  }

  private static String outcomeLabel(String outcome) {
    return switch (outcome) {
      case "done" -> "已办结";
      case "partly" -> "部分办结";
      default -> "无法办理";
    };
  }
}
