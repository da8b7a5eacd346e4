package cn.court.enforcement.calendar;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param holidays the holiday file (Spring resource location)
 * @param timeLimits the node time-limit table (Spring resource location)
 * @param zone the court's time zone: a day ends at midnight there
 */
@ConfigurationProperties(prefix = "court.calendar")
public record CalendarProperties(String holidays, String timeLimits, ZoneId zone) {

  static final String DEFAULT_ZONE = "Asia/Shanghai";

  public CalendarProperties {
    holidays = holidays == null ? "classpath:config/cn-holidays.json" : holidays;
    timeLimits = timeLimits == null ? "classpath:config/time-limits.yml" : timeLimits;
    zone = zone == null ? ZoneId.of(DEFAULT_ZONE) : zone;
  }
}
