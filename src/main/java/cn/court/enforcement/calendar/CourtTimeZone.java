package cn.court.enforcement.calendar;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Runs the whole application in the court's time zone ({@code court.calendar.zone}), whatever
 * the server's: Camunda's cron timers (daily deadline check, weekly report), "today" in form
 * checks and the engine's stored timestamps all follow the court's day, also under a plain
 * {@code java -jar} on a UTC host.
 */
public class CourtTimeZone implements EnvironmentPostProcessor {

  static final String PROPERTY = "court.calendar.zone";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    String zone = env.getProperty(PROPERTY, CalendarProperties.DEFAULT_ZONE);
    try {
      TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(zone)));
    } catch (DateTimeException e) {
      throw new IllegalStateException(PROPERTY + " 不是有效的时区：" + zone + "（例如 Asia/Shanghai）", e);
    }
  }
}
