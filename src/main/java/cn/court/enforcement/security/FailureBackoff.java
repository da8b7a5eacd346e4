package cn.court.enforcement.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures counted per key (an address, a case number), in memory (per node): the first
 * {@code free} are free, each further one closes the key for twice as long as the one before,
 * from {@code first} up to {@code max}; a key quiet for {@code memory} starts afresh (longer than
 * the longest delay, so waiting out a delay never resets the count). The guard in front of logins
 * and of the public disclosure query.
 */
public final class FailureBackoff {

  /** Beyond this many remembered keys, the forgotten ones are dropped. */
  private static final int MAX_REMEMBERED = 100_000;

  private record Failures(int count, Instant last, Instant closedUntil) {}

  private final Map<String, Failures> keys = new ConcurrentHashMap<>();
  private final Clock clock;
  private final int free;
  private final Duration first;
  private final Duration max;
  private final Duration memory;

  public FailureBackoff(Clock clock, int free, Duration first, Duration max, Duration memory) {
    this.clock = clock;
    this.free = free;
    this.first = first;
    this.max = max;
    this.memory = memory;
  }

  /** How long {@code key} must still wait; zero when it may try now. */
  public Duration waitFor(String key) {
    Failures failures = keys.get(key);
    Instant now = clock.instant();
    return failures == null || !now.isBefore(failures.closedUntil())
        ? Duration.ZERO : Duration.between(now, failures.closedUntil());
  }

  public void failed(String key) {
    Instant now = clock.instant();
    keys.compute(key, (k, before) -> {
      int count = before == null || before.last().plus(memory).isBefore(now) ? 1 : before.count() + 1;
      return new Failures(count, now, count > free ? now.plus(delay(count - free)) : now);
    });
    if (keys.size() > MAX_REMEMBERED) {
      keys.values().removeIf(f -> f.last().plus(memory).isBefore(now));
    }
  }

  /** The delay after the {@code excess}-th failure beyond the free ones. */
  private Duration delay(int excess) {
    // Far beyond the cap long before the shift could overflow.
    Duration doubled = first.multipliedBy(1L << Math.min(excess - 1, 20));
    return doubled.compareTo(max) < 0 ? doubled : max;
  }
}
