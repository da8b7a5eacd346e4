package cn.court.enforcement.disclosure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows guessing of query codes, in memory (per node), both per client address and per case
 * number: guessing one case from many addresses is slowed as much as many cases from one. The
 * first {@value #FREE_FAILURES} failures are free (typing mistakes); each further failure closes
 * the address and the case number for twice as long as the one before (2 s, 4 s … at most
 * 30 min), so after a dozen failures they are refused for a quarter of an hour and more. A key
 * quiet for two hours starts afresh. A success resets nothing: one's own code must not buy
 * guesses at other cases. The price is that a stranger can keep an applicant waiting; the team's
 * phone is still on the notice.
 *
 * <p>Not {@code security/LoginThrottle}: that one is keyed by address only and also tracks
 * users for the engine's login lock, which has no counterpart here.
 */
@Component
public class DisclosureThrottle {

  static final int FREE_FAILURES = 5;
  static final Duration FIRST_DELAY = Duration.ofSeconds(2);
  static final Duration MAX_DELAY = Duration.ofMinutes(30);
  static final Duration MEMORY = Duration.ofHours(2);
  /** Beyond this many remembered keys, the forgotten ones are dropped. */
  private static final int MAX_REMEMBERED = 100_000;

  private record Failures(int count, Instant last, Instant closedUntil) {}

  private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
  private final Map<String, Failures> caseNumbers = new ConcurrentHashMap<>();
  private final Clock clock;

  public DisclosureThrottle() {
    this(Clock.systemUTC());
  }

  DisclosureThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long a query from {@code address} for {@code caseNumber} must still wait; zero when it may be tried now. */
  public Duration waitFor(String address, String caseNumber) {
    Duration byAddress = waitFor(addresses.get(address));
    Duration byCase = waitFor(caseNumbers.get(caseNumber));
    return byAddress.compareTo(byCase) >= 0 ? byAddress : byCase;
  }

  public void failed(String address, String caseNumber) {
    Instant now = clock.instant();
    count(addresses, address, now);
    count(caseNumbers, caseNumber, now);
    if (addresses.size() + caseNumbers.size() > MAX_REMEMBERED) {
      addresses.values().removeIf(f -> f.last().plus(MEMORY).isBefore(now));
      caseNumbers.values().removeIf(f -> f.last().plus(MEMORY).isBefore(now));
    }
  }

  private Duration waitFor(Failures failures) {
    Instant now = clock.instant();
    return failures == null || !now.isBefore(failures.closedUntil())
        ? Duration.ZERO : Duration.between(now, failures.closedUntil());
  }

  private static void count(Map<String, Failures> keys, String key, Instant now) {
    keys.compute(key, (k, before) -> {
      int count = before == null || before.last().plus(MEMORY).isBefore(now) ? 1 : before.count() + 1;
      return new Failures(count, now, count > FREE_FAILURES ? now.plus(delay(count - FREE_FAILURES)) : now);
    });
  }

  /** The delay after the {@code excess}-th failure beyond the free ones. */
  static Duration delay(int excess) {
    // Far beyond the cap long before the shift could overflow.
    Duration doubled = FIRST_DELAY.multipliedBy(1L << Math.min(excess - 1, 20));
    return doubled.compareTo(MAX_DELAY) < 0 ? doubled : MAX_DELAY;
  }
}
