package cn.court.enforcement.escalation;

import cn.court.enforcement.calendar.Deadlines;
import cn.court.enforcement.calendar.WorkingCalendar;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The stages of a limited node, in working days around its due date: reminder from
 * {@code remindWorkingDaysBefore} working days before the due day, overdue once the due
 * date has passed, badly overdue after {@code badlyOverdueWorkingDays} more working days.
 */
@Component
public class EscalationLadder {

  public enum Stage { NONE, REMINDER, OVERDUE, BADLY_OVERDUE }

  private final Deadlines deadlines;
  private final EscalationProperties properties;

  public EscalationLadder(Deadlines deadlines, EscalationProperties properties) {
    this.deadlines = deadlines;
    this.properties = properties;
  }

  public Stage stageAt(Date due, Date now) {
    WorkingCalendar calendar = deadlines.calendar();
    LocalDate dueDay = deadlines.dayOf(due);
    if (now.after(deadlines.endOf(calendar.plusWorkingDays(dueDay, properties.badlyOverdueWorkingDays())))) {
      return Stage.BADLY_OVERDUE;
    }
    if (now.after(due)) {
      return Stage.OVERDUE;
    }
    LocalDate remindFrom = calendar.plusWorkingDays(dueDay, -properties.remindWorkingDaysBefore());
    return deadlines.dayOf(now).isBefore(remindFrom) ? Stage.NONE : Stage.REMINDER;
  }

  /** Working days a node is or was late: from its due day to the day it ended (or today). */
  public int workingDaysLate(Date due, Date endedOrNow) {
    return endedOrNow.after(due)
        ? Math.max(1, deadlines.calendar().workingDaysBetween(deadlines.dayOf(due), deadlines.dayOf(endedOrNow)))
        : 0;
  }
}
