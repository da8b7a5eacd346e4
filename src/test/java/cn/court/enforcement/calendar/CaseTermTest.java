package cn.court.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.calendar.CaseTerm.Pause;
import cn.court.enforcement.calendar.CaseTerm.PauseReason;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseTermTest {

  private final WorkingCalendar calendar = WorkingCalendarTest.courtCalendar();
  private static final LocalDate FILED = LocalDate.parse("2026-03-02");

  private static LocalDate d(String day) {
    return LocalDate.parse(day);
  }

  @Test
  void sixMonthsFromFiling() {
    assertThat(new CaseTerm(FILED, 6, 0, List.of()).deadline(calendar, d("2026-03-10"))).isEqualTo(d("2026-09-02"));
  }

  @Test
  void anAuctionPeriodMovesTheDeadlineByThePausedDays() {
    CaseTerm term = new CaseTerm(FILED, 6, 0, List.of(new Pause(PauseReason.AUCTION, d("2026-04-01"), d("2026-05-01"))));
    assertThat(term.pausedDays(d("2026-06-01"))).isEqualTo(30);
    // 2 Sep + 30 days = 2 Oct, inside the National Day holiday: Thu 8 Oct.
    assertThat(term.deadline(calendar, d("2026-06-01"))).isEqualTo(d("2026-10-08"));
  }

  @Test
  void anOpenPauseKeepsMovingAndOverlapsCountOnce() {
    CaseTerm term = new CaseTerm(FILED, 6, 0, List.of(
        new Pause(PauseReason.PUBLIC_NOTICE, d("2026-04-01"), d("2026-04-16")),
        new Pause(PauseReason.AUCTION, d("2026-04-10"), null)));
    assertThat(term.pausedDays(d("2026-04-20"))).isEqualTo(19);
    assertThat(term.pausedDays(d("2026-04-21"))).isEqualTo(20);
  }

  @Test
  void extensionAndNonLitigation() {
    assertThat(new CaseTerm(FILED, 3, 0, List.of()).deadline(calendar, FILED)).isEqualTo(d("2026-06-02"));
    assertThat(new CaseTerm(FILED, 6, 2, List.of()).deadline(calendar, FILED)).isEqualTo(d("2026-11-02"));
  }

  @Test
  void aTermExtendedOnceWasExtended() {
    assertThat(new CaseTerm(FILED, 6, 0, List.of()).extended()).isFalse();
    assertThat(new CaseTerm(FILED, 6, 1, List.of()).extended()).as("any further extension is reported").isTrue();
  }
}
