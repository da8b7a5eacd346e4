package cn.court.enforcement.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChiSquareTest {

  @Test
  void pValuesMatchPublishedCriticalValues() {
    assertThat(ChiSquare.pValue(18.467, 4)).isCloseTo(0.001, within(1e-5));
    assertThat(ChiSquare.pValue(9.488, 4)).isCloseTo(0.05, within(1e-4));
    assertThat(ChiSquare.pValue(3.841, 1)).isCloseTo(0.05, within(1e-4));
    assertThat(ChiSquare.pValue(0.711, 4)).isCloseTo(0.95, within(1e-3));
    assertThat(ChiSquare.pValue(0, 4)).isEqualTo(1.0);
  }

  @Test
  void uniformStatisticIsPearsons() {
    assertThat(ChiSquare.uniformStatistic(new long[] {10, 10, 10})).isZero();
    assertThat(ChiSquare.uniformStatistic(new long[] {15, 5})).isCloseTo(5.0, within(1e-12));
  }

  /** Fixed seed here only, so the test cannot fail one run in a thousand by chance. */
  @Test
  void tenThousandDrawsAreUniformOverThePool() throws NoSuchAlgorithmException {
    SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
    seeded.setSeed(20260314L);
    Candidates candidates = Candidates.of(new AllocationProperties(null, Map.of()), Set.of(), null);
    long[] counts = new long[candidates.eligible().size()];

    for (int i = 0; i < 10_000; i++) {
      counts[candidates.pick(seeded::nextInt).drawValue()]++;
    }

    double statistic = ChiSquare.uniformStatistic(counts);
    assertThat(statistic).isLessThan(18.467);
    assertThat(ChiSquare.pValue(statistic, counts.length - 1)).isGreaterThan(0.001);
  }

  @Test
  void aBiasedDrawIsCaught() {
    long[] favoured = {2_300, 1_925, 1_925, 1_925, 1_925};

    assertThat(ChiSquare.pValue(ChiSquare.uniformStatistic(favoured), 4)).isLessThan(0.001);
  }
}
