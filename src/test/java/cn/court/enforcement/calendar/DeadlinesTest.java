package cn.court.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

  static final ZoneId COURT = ZoneId.of("Asia/Shanghai");
  private final Deadlines deadlines = new Deadlines(TimeLimitTableTest.courtTable(), WorkingCalendarTest.courtCalendar(),
      new CalendarProperties(null, null, null));
  private final VariableScope scope = mock(VariableScope.class);

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Date at(String dateTime) {
    return Date.from(ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), COURT).toInstant());
  }

  @Test
  void taskCreatedCountsFromTheEngineClockToTheEndOfTheLastDay() {
    ClockUtil.setCurrentTime(at("2026-02-11T10:00"));
    assertThat(deadlines.due("execution-notice", scope)).isEqualTo(at("2026-02-14T23:59:59"));
    assertThat(deadlines.due("paper-to-archive", scope)).isEqualTo(at("2026-02-13T23:59:59"));
  }

  @Test
  void caseFiledCountsFromTheFilingDateAsTextOrDate() {
    when(scope.getVariable("filingDate")).thenReturn("2026-01-31");
    assertThat(deadlines.due("quick-team-case", scope)).isEqualTo(at("2026-03-02T23:59:59"));
    assertThat(deadlines.due("case", scope)).isEqualTo(at("2026-07-31T23:59:59"));
    when(scope.getVariable("filingDate")).thenReturn(at("2026-01-31T09:30"));
    assertThat(deadlines.due("case", scope)).isEqualTo(at("2026-07-31T23:59:59"));
    when(scope.getVariable("moneyArrivedOn")).thenReturn(LocalDate.parse("2026-09-10"));
    assertThat(deadlines.due("money-payout", scope)).as("10 Oct is a make-up working Saturday")
        .isEqualTo(at("2026-10-10T23:59:59"));
  }

  /** Filed Thu 12 Feb 2026: ten days from filing end in the Spring Festival, so Tue 24 Feb. */
  @Test
  void ofSeveralLimitsTheOneEndingFirstSetsTheDueDate() {
    when(scope.getVariable("filingDate")).thenReturn("2026-02-12");
    List<String> limits = List.of("execution-notice", "execution-notice-from-filing");
    Deadlines.Due early = deadlines.earliest(limits, LocalDate.parse("2026-02-13"), scope::getVariable);
    assertThat(early.limit().name()).isEqualTo("execution-notice");
    assertThat(early.date()).isEqualTo(at("2026-02-24T23:59:59"));
    // received after a long intake: the limit from filing ends first
    Deadlines.Due late = deadlines.earliest(limits, LocalDate.parse("2026-02-24"), scope::getVariable);
    assertThat(late.limit().name()).isEqualTo("execution-notice-from-filing");
    assertThat(late.date()).isEqualTo(at("2026-02-24T23:59:59"));
  }

  @Test
  void missingStartVariableAndUnknownLimitAreClearErrors() {
    assertThatThrownBy(() -> deadlines.due("archiving", scope))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("closedDate");
    assertThatThrownBy(() -> deadlines.due("no-such-limit", scope))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("no-such-limit");
    when(scope.getVariable("filingDate")).thenReturn("31.01.2026");
    assertThatThrownBy(() -> deadlines.due("case", scope)).hasMessageContaining("yyyy-MM-dd");
  }
}
