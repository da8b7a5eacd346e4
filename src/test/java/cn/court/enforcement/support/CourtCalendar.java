package cn.court.enforcement.support;

import cn.court.enforcement.calendar.CalendarProperties;
import cn.court.enforcement.calendar.Deadlines;
import cn.court.enforcement.calendar.TimeLimitTable;
import cn.court.enforcement.calendar.WorkingCalendar;
import java.io.InputStream;

/** The court's time-limit table and holidays as shipped (config/), for beans built without Spring. */
public final class CourtCalendar {

  public static final CalendarProperties PROPERTIES = new CalendarProperties(null, null, null);
  public static final Deadlines DEADLINES = new Deadlines(
      TimeLimitTable.read(resource("config/time-limits.yml"), "time-limits.yml"),
      WorkingCalendar.read(resource("config/cn-holidays.json"), "cn-holidays.json"), PROPERTIES);

  private CourtCalendar() {
  }

  private static InputStream resource(String path) {
    InputStream in = CourtCalendar.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("not on the test class path: " + path);
    }
    return in;
  }
}
