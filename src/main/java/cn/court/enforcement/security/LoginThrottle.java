package cn.court.enforcement.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing per client address, in memory (per node). The first
 * {@value #FREE_FAILURES} failures are free, so that typing mistakes (and tests) meet the
 * ordinary 401; each further failure closes the address for twice as long as the one before
 * (1 s, 2 s, 4 s … at most 15 min). An address quiet for an hour starts afresh: longer than the
 * longest delay, so waiting out the delay never resets the count.
 */
public class LoginThrottle {

  static final int FREE_FAILURES = 5;
  static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_DELAY = Duration.ofMinutes(15);
  static final Duration MEMORY = Duration.ofHours(1);
  /** Beyond this many remembered addresses and users, the forgotten ones are dropped. */
  private static final int MAX_REMEMBERED = 100_000;

  private record Failures(int count, Instant last, Instant closedUntil) {}

  private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
  private final Map<String, Instant> users = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long {@code address} must still wait before its next login; zero when it may try now. */
  public Duration waitFor(String address) {
    Failures failures = addresses.get(address);
    Instant now = clock.instant();
    return failures == null || !now.isBefore(failures.closedUntil())
        ? Duration.ZERO : Duration.between(now, failures.closedUntil());
  }

  /** Whether a login of {@code user} failed here within {@code period}. */
  public boolean failedRecently(String user, Duration period) {
    Instant last = users.get(user);
    return last != null && last.plus(period).isAfter(clock.instant());
  }

  public void failed(String address, String user) {
    Instant now = clock.instant();
    addresses.compute(address, (a, before) -> {
      int count = before == null || before.last().plus(MEMORY).isBefore(now) ? 1 : before.count() + 1;
      return new Failures(count, now, count > FREE_FAILURES ? now.plus(delay(count - FREE_FAILURES)) : now);
    });
    users.put(user, now);
    if (addresses.size() + users.size() > MAX_REMEMBERED) {
      addresses.values().removeIf(f -> f.last().plus(MEMORY).isBefore(now));
      users.values().removeIf(last -> last.plus(MEMORY).isBefore(now));
    }
  }

  /** The delay after the {@code excess}-th failure beyond the free ones. */
  static Duration delay(int excess) {
    // 2^20 s is far beyond the cap; stop doubling before the shift overflows.
    Duration doubled = FIRST_DELAY.multipliedBy(1L << Math.min(excess - 1, 20));
    return doubled.compareTo(MAX_DELAY) < 0 ? doubled : MAX_DELAY;
  }
}
