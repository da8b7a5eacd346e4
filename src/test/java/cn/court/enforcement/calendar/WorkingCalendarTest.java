package cn.court.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.InputStream;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class WorkingCalendarTest {

  private final WorkingCalendar calendar = courtCalendar();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(WorkingCalendar.class);

  static WorkingCalendar courtCalendar() {
    try (InputStream in = WorkingCalendarTest.class.getResourceAsStream("/config/cn-holidays.json")) {
      return WorkingCalendar.read(in, "config/cn-holidays.json");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void captureLog() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    logger.detachAppender(log);
  }

  private static LocalDate d(String day) {
    return LocalDate.parse(day);
  }

  private static TimeLimit limit(int amount, TimeLimit.Unit unit) {
    return new TimeLimit("test", "测试", amount, unit, TimeLimit.Start.TASK_CREATED, "test");
  }

  @Test
  void springFestival2026HasMakeUpSaturdaysAndNineDaysOff() {
    assertThat(calendar.isWorkingDay(d("2026-02-14"))).as("make-up Saturday").isTrue();
    assertThat(calendar.isWorkingDay(d("2026-02-28"))).as("make-up Saturday").isTrue();
    for (LocalDate day = d("2026-02-15"); !day.isAfter(d("2026-02-23")); day = day.plusDays(1)) {
      assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
    }
    assertThat(calendar.isWorkingDay(d("2026-02-24"))).isTrue();
  }

  @Test
  void workingDaysOverSpringFestival2026() {
    // Fri 13 Feb + 1 = the make-up Saturday; + 2 jumps the whole holiday to Tue 24 Feb.
    assertThat(calendar.plusWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
    assertThat(calendar.plusWorkingDays(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
    assertThat(limit(2, TimeLimit.Unit.WORKING_DAYS).lastDay(d("2026-02-12"), calendar)).isEqualTo(d("2026-02-14"));
    // five working days after the 14th: 24, 25, 26, 27 and the make-up Saturday 28 Feb.
    assertThat(calendar.plusWorkingDays(d("2026-02-14"), 5)).isEqualTo(d("2026-02-28"));
    assertThat(calendar.plusWorkingDays(d("2026-02-24"), -1)).isEqualTo(d("2026-02-14"));
  }

  @Test
  void calendarDaysEndingInTheHolidayMoveToTheNextWorkingDay() {
    assertThat(limit(3, TimeLimit.Unit.CALENDAR_DAYS).lastDay(d("2026-02-13"), calendar)).isEqualTo(d("2026-02-24"));
  }

  @Test
  void nationalDay2026() {
    assertThat(calendar.plusWorkingDays(d("2026-09-30"), 2)).isEqualTo(d("2026-10-09"));
    assertThat(calendar.plusWorkingDays(d("2026-10-09"), 1)).as("make-up Saturday 10 Oct").isEqualTo(d("2026-10-10"));
    assertThat(limit(3, TimeLimit.Unit.CALENDAR_DAYS).lastDay(d("2026-09-30"), calendar)).isEqualTo(d("2026-10-08"));
  }

  @Test
  void weekend() {
    assertThat(calendar.plusWorkingDays(d("2026-03-06"), 1)).isEqualTo(d("2026-03-09"));
    assertThat(limit(1, TimeLimit.Unit.CALENDAR_DAYS).lastDay(d("2026-03-06"), calendar)).isEqualTo(d("2026-03-09"));
    assertThat(calendar.workingDaysBetween(d("2026-03-06"), d("2026-03-10"))).isEqualTo(2);
  }

  @Test
  void oneMonthFromTheEndOfAMonth() {
    TimeLimit oneMonth = limit(1, TimeLimit.Unit.MONTHS);
    // 31 Jan + 1 month = 28 Feb, which in 2026 is a make-up working Saturday.
    assertThat(oneMonth.lastDay(d("2026-01-31"), calendar)).isEqualTo(d("2026-02-28"));
    assertThat(oneMonth.lastDay(d("2026-03-31"), calendar)).isEqualTo(d("2026-04-30"));
    // 30 Apr + 1 month = Sat 30 May, an ordinary weekend: Mon 1 Jun.
    assertThat(oneMonth.lastDay(d("2026-04-30"), calendar)).isEqualTo(d("2026-06-01"));
  }

  @Test
  void aYearWithoutDataCountsWeekdaysAndWarnsOnce() {
    assertThat(calendar.plusWorkingDays(d("2030-10-01"), 3)).isEqualTo(d("2030-10-04"));
    assertThat(calendar.isWorkingDay(d("2030-10-05"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2030-01-01"))).as("no holiday data: a Tuesday").isTrue();
    assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN)
        .singleElement().satisfies(e -> assertThat(e.getFormattedMessage()).contains("2030"));
  }
}
