package cn.court.enforcement.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The per-address delay: a few free failures, then doubling up to a cap; forgotten only after a quiet hour. */
class LoginThrottleTest {

  private Instant now = Instant.parse("2026-03-02T08:00:00Z");
  private final LoginThrottle throttle = new LoginThrottle(new Clock() {
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

  private void failAfterWaiting(String address) {
    now = now.plus(throttle.waitFor(address));
    throttle.failed(address, "someone");
  }

  @Test
  void freeFailuresThenADoublingDelayUpToTheCap() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      failAfterWaiting("a");
      assertThat(throttle.waitFor("a")).isZero();
    }
    for (long seconds : new long[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900}) {
      failAfterWaiting("a");
      assertThat(throttle.waitFor("a")).isEqualTo(Duration.ofSeconds(seconds));
    }
    assertThat(throttle.waitFor("a")).isEqualTo(Duration.ofMinutes(15));
    assertThat(throttle.waitFor("b")).as("other addresses").isZero();
  }

  @Test
  void waitingOutTheDelayKeepsTheCountOnlyAQuietHourClearsIt() {
    for (int i = 0; i <= LoginThrottle.FREE_FAILURES + 10; i++) {
      failAfterWaiting("a");
    }
    now = now.plus(LoginThrottle.MAX_DELAY);
    throttle.failed("a", "someone");
    assertThat(throttle.waitFor("a")).isEqualTo(LoginThrottle.MAX_DELAY);

    now = now.plus(LoginThrottle.MEMORY).plusSeconds(1);
    throttle.failed("a", "someone");
    assertThat(throttle.waitFor("a")).isZero();
  }

  @Test
  void remembersRecentFailuresOfAUser() {
    throttle.failed("a", "zhouyuan");
    now = now.plusSeconds(9);
    assertThat(throttle.failedRecently("zhouyuan", Duration.ofSeconds(10))).isTrue();
    assertThat(throttle.failedRecently("chenlei", Duration.ofSeconds(10))).isFalse();
    now = now.plusSeconds(2);
    assertThat(throttle.failedRecently("zhouyuan", Duration.ofSeconds(10))).isFalse();
  }
}
