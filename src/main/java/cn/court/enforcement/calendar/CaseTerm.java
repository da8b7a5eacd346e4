package cn.court.enforcement.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * The statutory term of one case: a number of months from filing, extended by approved
 * extensions, with the days of public notice, appraisal and auction not counted. Pure
 * arithmetic; {@link CaseClock} keeps the facts.
 *
 * @param months the statutory months (6, or 3 for non-litigation cases)
 * @param extensionMonths approved extensions in total
 */
public record CaseTerm(LocalDate filingDate, int months, int extensionMonths, List<Pause> pauses) {

  /** Why the clock stands still: the periods of 《最高人民法院关于严格执行案件审理期限制度的若干规定》第九条. */
  public enum PauseReason {
    PUBLIC_NOTICE("公告"), APPRAISAL("鉴定"), AUDIT("审计"), VALUATION("评估"), AUCTION("拍卖、变卖"),
    SUSPENSION("中止执行"), DEFERRAL("暂缓执行");

    private final String label;

    PauseReason(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A period not counted: from {@code start} up to (not including) {@code end}; open while {@code end} is null. */
  public record Pause(PauseReason reason, LocalDate start, LocalDate end) {}

  /**
   * Whether the term was extended already: the president extends a case once, by at most three
   * months; any further extension is reported to the higher court
   * (《最高人民法院关于严格执行案件审理期限制度的若干规定》第五条).
   */
  public boolean extended() {
    return extensionMonths > 0;
  }

  /** Days not counted up to {@code today}; overlapping pauses count once. */
  public long pausedDays(LocalDate today) {
    long days = 0;
    LocalDate coveredUntil = LocalDate.MIN;
    for (Pause p : pauses.stream().sorted(Comparator.comparing(Pause::start)).toList()) {
      LocalDate start = p.start().isAfter(coveredUntil) ? p.start() : coveredUntil;
      LocalDate end = p.end() == null ? today : p.end();
      if (end.isAfter(start)) {
        days += ChronoUnit.DAYS.between(start, end);
        coveredUntil = end;
      }
    }
    return days;
  }

  /** The last day to close the case, as of {@code today} (an open pause keeps moving it). */
  public LocalDate deadline(WorkingCalendar calendar, LocalDate today) {
    return calendar.onOrAfter(filingDate.plusMonths((long) months + extensionMonths).plusDays(pausedDays(today)));
  }
}
