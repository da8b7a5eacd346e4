package cn.court.enforcement.disclosure;

import java.time.Clock;
import java.time.Duration;
import cn.court.enforcement.security.FailureBackoff;
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
 * <p>The counting is {@code security/FailureBackoff}, as for logins.
 */
@Component
public class DisclosureThrottle {

  static final int FREE_FAILURES = 5;
  static final Duration FIRST_DELAY = Duration.ofSeconds(2);
  static final Duration MAX_DELAY = Duration.ofMinutes(30);
  static final Duration MEMORY = Duration.ofHours(2);
  private final FailureBackoff addresses;
  private final FailureBackoff caseNumbers;

  public DisclosureThrottle() {
    this(Clock.systemUTC());
  }

  DisclosureThrottle(Clock clock) {
    addresses = new FailureBackoff(clock, FREE_FAILURES, FIRST_DELAY, MAX_DELAY, MEMORY);
    caseNumbers = new FailureBackoff(clock, FREE_FAILURES, FIRST_DELAY, MAX_DELAY, MEMORY);
  }

  /** How long a query from {@code address} for {@code caseNumber} must still wait; zero when it may be tried now. */
  public Duration waitFor(String address, String caseNumber) {
    Duration byAddress = addresses.waitFor(address);
    Duration byCase = caseNumbers.waitFor(caseNumber);
    return byAddress.compareTo(byCase) >= 0 ? byAddress : byCase;
  }

  public void failed(String address, String caseNumber) {
    addresses.failed(address);
    caseNumbers.failed(caseNumber);
  }
}
