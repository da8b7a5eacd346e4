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
  /** Beyond this many remembered users, the forgotten ones are dropped. */
  private static final int MAX_REMEMBERED = 100_000;

  private final FailureBackoff addresses;
  private final Map<String, Instant> users = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
    this.addresses = new FailureBackoff(clock, FREE_FAILURES, FIRST_DELAY, MAX_DELAY, MEMORY);
  }

  /** How long {@code address} must still wait before its next login; zero when it may try now. */
  public Duration waitFor(String address) {
    return addresses.waitFor(address);
  }

  /** Whether a login of {@code user} failed here within {@code period}. */
  public boolean failedRecently(String user, Duration period) {
    Instant last = users.get(user);
    return last != null && last.plus(period).isAfter(clock.instant());
  }

  public void failed(String address, String user) {
    Instant now = clock.instant();
    addresses.failed(address);
    users.put(user, now);
    if (users.size() > MAX_REMEMBERED) {
      users.values().removeIf(last -> last.plus(MEMORY).isBefore(now));
    }
  }
}
