package cn.court.enforcement.calendar;

import cn.court.enforcement.escalation.Notification;
import cn.court.enforcement.escalation.Notifier;
import cn.court.enforcement.organisation.Organisation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Says when the holiday file lacks a year the court counts in: next year's State Council notice from
 * {@value #DAYS_AHEAD} days before 1 January (deadlines set in November already end in January), and the current
 * year's at any time. In the start-up log, and each morning ({@code court.calendar.holiday-check}, the court's time
 * zone) in the log and in the supervisors' notifications, naming the file to edit. Until the year is added its days
 * count Monday to Friday ({@link WorkingCalendar}): due dates ignore its holidays and make-up working days.
 */
@Component
@EnableScheduling
public class HolidayDataCheck {

  static final int DAYS_AHEAD = 60;
  static final String KIND = "HOLIDAY_DATA_MISSING";

  private static final Logger log = LoggerFactory.getLogger(HolidayDataCheck.class);

  private final WorkingCalendar calendar;
  private final String file;
  private final Organisation organisation;
  private final Notifier notifier;
  private final Clock clock;

  @Autowired
  public HolidayDataCheck(WorkingCalendar calendar, CalendarProperties properties, Organisation organisation,
      Notifier notifier) {
    this(calendar, properties.holidays(), organisation, notifier, Clock.system(properties.zone()));
  }

  HolidayDataCheck(WorkingCalendar calendar, String location, Organisation organisation, Notifier notifier,
      Clock clock) {
    this.calendar = calendar;
    this.file = location.replaceFirst("^(classpath|file):", "");
    this.organisation = organisation;
    this.notifier = notifier;
    this.clock = clock;
  }

  /** The years the court counts in now or within {@value #DAYS_AHEAD} days that the file lacks. */
  List<Integer> missingYears() {
    LocalDate today = LocalDate.now(clock);
    List<Integer> missing = new ArrayList<>();
    if (!calendar.covers(today.getYear())) {
      missing.add(today.getYear());
    }
    if (today.plusDays(DAYS_AHEAD).getYear() > today.getYear() && !calendar.covers(today.getYear() + 1)) {
      missing.add(today.getYear() + 1);
    }
    return missing;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void atStartUp() {
    missingYears().forEach(this::warn);
  }

  @Scheduled(cron = "${court.calendar.holiday-check:0 0 8 * * *}", zone = "${court.calendar.zone:Asia/Shanghai}")
  public void daily() {
    List<String> supervisors = organisation.units().stream().filter(Organisation.Unit::supervisor)
        .map(Organisation.Unit::id).toList();
    for (int year : missingYears()) {
      warn(year);
      notifier.toGroups(supervisors, new Notification(null, KIND, "节假日数据缺少 " + year + " 年",
          "节假日文件 " + file + " 中没有 " + year + " 年的放假和调休安排。请系统管理员依国务院办公厅关于 " + year
              + " 年部分节假日安排的通知补充该文件并重启系统；补充之前，" + year
              + " 年的节点期限按周一至周五计算工作日，不考虑节假日和调休。",
          null, null, null));
    }
  }

  private void warn(int year) {
    log.warn("No holiday data for {} in {}: its working days are counted Monday to Friday. Add the State Council's "
        + "holiday notice for {} to that file and restart.", year, file, year);
  }
}
