package cn.court.enforcement.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Due dates from the time-limit table, for BPMN expressions:
 * {@code camunda:dueDate="${deadlines.due('execution-notice', execution)}"}. Times follow
 * the engine clock so tests can move it.
 */
@Component("deadlines")
public class Deadlines {

  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final TimeLimitTable limits;
  private final WorkingCalendar calendar;
  private final ZoneId zone;

  public Deadlines(TimeLimitTable limits, WorkingCalendar calendar, CalendarProperties properties) {
    this.limits = limits;
    this.calendar = calendar;
    this.zone = properties.zone();
  }

  /** A task's due date and the limit that sets it. */
  public record Due(TimeLimit limit, Date date) {}

  /** The due date of the named limit, counted from its start point in {@code scope}'s variables or now. */
  public Date due(String limitName, VariableScope scope) {
    return earliest(List.of(limitName), today(), scope::getVariable).date();
  }

  /**
   * Of the limits a task is held to, the one that ends first (the first named on a tie):
   * {@code created} is the day the task was created, {@code variables} reads the start points
   * of the other limits ({@code filingDate} …).
   */
  public Due earliest(List<String> limitNames, LocalDate created, Function<String, Object> variables) {
    return limitNames.stream().map(limits::get)
        .map(limit -> new Due(limit, endOf(limit.lastDay(startDay(limit, created, variables), calendar))))
        .reduce((first, next) -> next.date().before(first.date()) ? next : first)
        .orElseThrow();
  }

  public TimeLimit limit(String name) {
    return limits.get(name);
  }

  public WorkingCalendar calendar() {
    return calendar;
  }

  /** Today by the engine clock, in the court's time zone. */
  public LocalDate today() {
    return dayOf(ClockUtil.getCurrentTime());
  }

  public LocalDate dayOf(Date instant) {
    return instant.toInstant().atZone(zone).toLocalDate();
  }

  /** The last second of {@code day}: a limit runs to the end of its last day. */
  public Date endOf(LocalDate day) {
    return Date.from(day.atTime(END_OF_DAY).atZone(zone).toInstant());
  }

  private LocalDate startDay(TimeLimit limit, LocalDate created, Function<String, Object> variables) {
    String variable = limit.start().variable();
    if (variable == null) {
      return created;
    }
    Object value = variables.apply(variable);
    if (value == null) {
      throw new ProcessEngineException("节点时限 '" + limit.name() + "'（" + limit.label() + "）自" + limit.start().label()
          + "起算，但流程变量 " + variable + " 没有值");
    }
    return toDate(value, variable);
  }

  /** A date variable as forms and services store it: {@code yyyy-MM-dd} text, Date or LocalDate. */
  public LocalDate toDate(Object value, String variable) {
    if (value instanceof Date date) {
      return dayOf(date);
    }
    if (value instanceof LocalDate day) {
      return day;
    }
    try {
      String text = value.toString().trim();
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new ProcessEngineException("流程变量 " + variable + " 不是日期（应为 yyyy-MM-dd）：" + value, e);
    }
  }
}
