package cn.court.enforcement.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Guessing query codes: a few free failures, then a doubling delay per address and per case number, capped. */
class DisclosureThrottleTest {

  private Instant now = Instant.parse("2026-03-02T08:00:00Z");
  private final DisclosureThrottle throttle = new DisclosureThrottle(new Clock() {
    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  });

  private void failAfterWaiting(String address, String caseNumber) {
    now = now.plus(throttle.waitFor(address, caseNumber));
    throttle.failed(address, caseNumber);
  }

  @Test
  void oneAddressIsSlowedThenRefusedForHalfAnHour() {
    for (int i = 0; i < DisclosureThrottle.FREE_FAILURES; i++) {
      failAfterWaiting("198.51.100.1", "case-" + i);
      assertThat(throttle.waitFor("198.51.100.1", "another case")).isZero();
    }
    for (long seconds : new long[] {2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 1800, 1800}) {
      failAfterWaiting("198.51.100.1", "case-" + seconds);
      assertThat(throttle.waitFor("198.51.100.1", "another case")).isEqualTo(Duration.ofSeconds(seconds));
    }
    assertThat(throttle.waitFor("198.51.100.2", "another case")).as("other addresses, other cases").isZero();
  }

  @Test
  void oneCaseGuessedFromManyAddressesIsClosedForEveryAddress() {
    for (int i = 0; i <= DisclosureThrottle.FREE_FAILURES; i++) {
      failAfterWaiting("203.0.113." + i, "（2026）豫0000执1号");
    }
    assertThat(throttle.waitFor("192.0.2.99", "（2026）豫0000执1号")).isEqualTo(DisclosureThrottle.FIRST_DELAY);
    assertThat(throttle.waitFor("192.0.2.99", "（2026）豫0000执2号")).isZero();
  }

  @Test
  void waitingOutTheDelayKeepsTheCountOnlyTwoQuietHoursClearIt() {
    for (int i = 0; i <= DisclosureThrottle.FREE_FAILURES + 12; i++) {
      failAfterWaiting("a", "c");
    }
    now = now.plus(DisclosureThrottle.MAX_DELAY);
    throttle.failed("a", "c");
    assertThat(throttle.waitFor("a", "c")).isEqualTo(DisclosureThrottle.MAX_DELAY);

    now = now.plus(DisclosureThrottle.MEMORY).plusSeconds(1);
    throttle.failed("a", "c");
    assertThat(throttle.waitFor("a", "c")).as("a fresh count: the first failure is free").isZero();
  }
}
