package cn.court.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.court.enforcement.escalation.Notification;
import cn.court.enforcement.escalation.Notifier;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Unit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.slf4j.LoggerFactory;

/** The holiday file's missing year, said to the supervisors and in the log, on the court's calendar day. */
class HolidayDataCheckTest {

  private static final ZoneId COURT = ZoneId.of("Asia/Shanghai");
  private static final WorkingCalendar UP_TO_2026 = new WorkingCalendar(Map.of(
      2025, new WorkingCalendar.Year(Set.of(), Set.of()), 2026, new WorkingCalendar.Year(Set.of(), Set.of())));
  private static final Organisation ORGANISATION = new Organisation(List.of(
      new Unit("bureau-leaders", "执行局领导", "juzhang", true, List.of()),
      new Unit("intake", "信息核对初次接待", "lilinxia", false, List.of()),
      new Unit("command-center", "执行指挥中心", "wanghui", true, List.of())), List.of());

  private final Notifier notifier = mock(Notifier.class);

  @Test
  void nextYearIsMissingFrom60DaysBeforeNewYearInTheCourtsTimeZone() {
    // 2026-11-01 23:59 in Beijing: 61 days to go, nothing to say yet.
    assertThat(check(UP_TO_2026, "2026-11-01T15:59:00Z").missingYears()).isEmpty();
    // 2026-11-02 00:00 in Beijing, still 1 November in UTC: 60 days to go.
    assertThat(check(UP_TO_2026, "2026-11-01T16:00:00Z").missingYears()).containsExactly(2027);
    assertThat(check(UP_TO_2026, "2026-12-31T12:00:00Z").missingYears()).containsExactly(2027);
    // A new year begun without its data stays missing.
    assertThat(check(UP_TO_2026, "2027-06-01T00:00:00Z").missingYears()).containsExactly(2027);
    WorkingCalendar up2027 = new WorkingCalendar(Map.of(2026, new WorkingCalendar.Year(Set.of(), Set.of()),
        2027, new WorkingCalendar.Year(Set.of(), Set.of())));
    assertThat(check(up2027, "2026-12-01T00:00:00Z").missingYears()).isEmpty();
  }

  @Test
  void eachMorningTheSupervisorsAreToldWhichFileToEdit() {
    ListAppender<ILoggingEvent> log = listen();
    check(UP_TO_2026, "2026-12-01T00:00:00Z").daily();

    ArgumentCaptor<Notification> told = ArgumentCaptor.forClass(Notification.class);
    verify(notifier).toGroups(eq(List.of("bureau-leaders", "command-center")), told.capture());
    assertThat(told.getValue().kind()).isEqualTo(HolidayDataCheck.KIND);
    assertThat(told.getValue().title()).isEqualTo("节假日数据缺少 2027 年");
    assertThat(told.getValue().body()).contains("/etc/court/cn-holidays.json", "2027 年", "重启");
    assertThat(log.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
        .contains("No holiday data for 2027 in /etc/court/cn-holidays.json"));
  }

  @Test
  void atStartUpOnlyTheLogSaysSo() {
    ListAppender<ILoggingEvent> log = listen();
    check(UP_TO_2026, "2026-12-01T00:00:00Z").atStartUp();
    assertThat(log.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage()).contains("2027"));
    verify(notifier, never()).toGroups(any(), any());
  }

  @Test
  void nothingIsSaidWhileTheFileHasTheYears() {
    ListAppender<ILoggingEvent> log = listen();
    check(UP_TO_2026, "2026-06-01T00:00:00Z").daily();
    assertThat(log.list).isEmpty();
    verify(notifier, never()).toGroups(any(), any());
  }

  private HolidayDataCheck check(WorkingCalendar calendar, String now) {
    return new HolidayDataCheck(calendar, "file:/etc/court/cn-holidays.json", ORGANISATION, notifier,
        Clock.fixed(Instant.parse(now), COURT));
  }

  private static ListAppender<ILoggingEvent> listen() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Logger logger = (Logger) LoggerFactory.getLogger(HolidayDataCheck.class);
    logger.detachAndStopAllAppenders(); // the previous test's listener
    logger.addAppender(appender);
    return appender;
  }
}
