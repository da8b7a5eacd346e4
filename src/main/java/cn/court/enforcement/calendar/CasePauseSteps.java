package cn.court.enforcement.calendar;

import cn.court.enforcement.calendar.CaseTerm.PauseReason;
import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The steps that begin and end the periods the case clock does not count, read from the
 * completed task's form — any form may carry these fields, the listener runs at the end of
 * every user task ({@link CalendarConfiguration}):
 * <ul>
 *   <li>{@value #PAUSE} {@code <kind>-start} or {@code <kind>-end} with the day in
 *       {@value #PAUSE_DATE}: a period of suspension, deferral, appraisal, audit or valuation
 *       begins or ends that day;</li>
 *   <li>{@value #PAUSE} {@code public-notice}, or {@value #PUBLIC_NOTICE_DATE} (service by
 *       public notice on the documents form): the notice is deemed served 30 days after it was
 *       issued (民事诉讼法 第九十五条), a period with both ends known.</li>
 * </ul>
 * The fields are cleared afterwards, so the next form starts without them.
 */
@Component
public class CasePauseSteps extends TaskCompletionListener {

  public static final String PAUSE = "casePause";
  public static final String PAUSE_DATE = "casePauseDate";
  public static final String PUBLIC_NOTICE_DATE = "publicNoticeDate";
  /** 民事诉讼法 第九十五条：自发出公告之日起，经过三十日，即视为送达。 */
  public static final int PUBLIC_NOTICE_DAYS = 30;
  private static final String NONE = "none";
  private static final String PUBLIC_NOTICE = "public-notice";
  private static final String START = "-start";
  private static final String END = "-end";

  private final CaseClock clock;

  public CasePauseSteps(CaseClock clock) {
    this.clock = clock;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck form = new FormCheck(execution::getVariable);
    String step = form.optionalText(PAUSE);
    boolean noticeServed = form.raw(PUBLIC_NOTICE_DATE) != null;
    if (step == null && !noticeServed) {
      return;
    }
    if (noticeServed) {
      publicNotice(execution, form.date(PUBLIC_NOTICE_DATE, "发出公告之日"), form);
    }
    if (PUBLIC_NOTICE.equals(step)) {
      publicNotice(execution, form.date(PAUSE_DATE, "发出公告之日"), form);
    } else if (step != null && !NONE.equals(step)) {
      LocalDate day = form.date(PAUSE_DATE, "期间开始或结束之日");
      form.throwIfInvalid(taskName(execution));
      if (step.endsWith(START)) {
        clock.pause(execution, kind(step, START), day, null);
      } else if (step.endsWith(END)) {
        clock.resume(execution, kind(step, END), day);
      } else {
        throw unknown(step);
      }
    }
    execution.removeVariables(List.of(PAUSE, PAUSE_DATE, PUBLIC_NOTICE_DATE));
  }

  /** Deemed served 30 days after the notice: the period's both ends are known. */
  private void publicNotice(DelegateExecution execution, LocalDate issued, FormCheck form) {
    form.throwIfInvalid(taskName(execution));
    clock.pause(execution, PauseReason.PUBLIC_NOTICE, issued, issued.plusDays(PUBLIC_NOTICE_DAYS));
  }

  /** {@code suspension-start} → SUSPENSION. */
  private static PauseReason kind(String step, String suffix) {
    String kind = step.substring(0, step.length() - suffix.length()).replace('-', '_').toUpperCase(Locale.ROOT);
    try {
      return PauseReason.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw unknown(step);
    }
  }

  private static InvalidCaseDataException unknown(String step) {
    return new InvalidCaseDataException("执行期限事项 '" + step + "' 无效。");
  }
}
