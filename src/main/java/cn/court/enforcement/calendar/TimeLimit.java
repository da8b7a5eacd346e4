package cn.court.enforcement.calendar;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * One entry of the node time-limit table ({@code config/time-limits.yml}).
 *
 * @param name id the diagrams use, e.g. {@code execution-notice}
 * @param label Chinese name shown to staff
 * @param source the rule or seed section the default comes from
 */
public record TimeLimit(String name, String label, int amount, Unit unit, Start start, String source) {

  /** How the amount is counted. */
  public enum Unit { WORKING_DAYS, CALENDAR_DAYS, MONTHS }

  /** Where the count starts, and the process variable holding that date (none: task creation). */
  public enum Start {
    TASK_CREATED(null, "任务创建"), CASE_FILED("filingDate", "立案"), MONEY_ARRIVED("moneyArrivedOn", "案款到账"),
    CASE_CLOSED("closedDate", "结案"),
    /** A matter received from outside (a petition, a procuratorate's letter): process variable receivedOn. */
    RECEIVED("receivedOn", "收到");

    private final String variable;
    private final String label;

    Start(String variable, String label) {
      this.variable = variable;
      this.label = label;
    }

    public String variable() {
      return variable;
    }

    public String label() {
      return label;
    }
  }

  /**
   * The last day of the limit. The start day is not counted; a limit in calendar days or
   * months whose last day is not a working day ends on the next working day (the rule of the
   * Civil Procedure Law on periods); a month ends on the same day of the month, or the
   * month's last day when shorter (31 Jan + 1 month = 28 Feb).
   */
  public LocalDate lastDay(LocalDate startDay, WorkingCalendar calendar) {
    return switch (unit) {
      case WORKING_DAYS -> calendar.plusWorkingDays(startDay, amount);
      case CALENDAR_DAYS -> calendar.onOrAfter(startDay.plusDays(amount));
      case MONTHS -> calendar.onOrAfter(startDay.plusMonths(amount));
    };
  }

  /** Parses the file's spelling ({@code working-days}, {@code case-filed}) of an enum constant. */
  static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
    String constant = value == null ? "" : value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
    return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(constant)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(what + " '" + value + "' 无效，可选："
            + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()));
  }
}
