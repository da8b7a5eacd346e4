package cn.court.enforcement.allocation;

/**
 * Pearson's chi-square goodness-of-fit test against the uniform distribution. The p-value is
 * the regularized upper incomplete gamma function Q(k/2, x/2) (Numerical Recipes, §6.2).
 */
public final class ChiSquare {

  private static final double EPSILON = 1e-15;
  private static final double TINY = 1e-300;
  private static final int MAX_ITERATIONS = 10_000;

  private ChiSquare() {}

  /** The statistic for observed counts when every category is equally likely. */
  public static double uniformStatistic(long[] observed) {
    long total = 0;
    for (long count : observed) {
      total += count;
    }
    double expected = (double) total / observed.length;
    double statistic = 0;
    for (long count : observed) {
      statistic += (count - expected) * (count - expected) / expected;
    }
    return statistic;
  }

  /** P(X ≥ statistic) for X chi-square distributed with the given degrees of freedom. */
  public static double pValue(double statistic, int degreesOfFreedom) {
    return upperRegularizedGamma(degreesOfFreedom / 2.0, statistic / 2.0);
  }

  static double upperRegularizedGamma(double a, double x) {
    if (x <= 0) {
      return 1.0;
    }
    double prefactor = Math.exp(-x + a * Math.log(x) - logGamma(a));
    if (x < a + 1) {
      // Series for the lower function P converges fast here.
      double term = 1.0 / a;
      double sum = term;
      for (int n = 1; n < MAX_ITERATIONS && Math.abs(term) > Math.abs(sum) * EPSILON; n++) {
        term *= x / (a + n);
        sum += term;
      }
      return Math.max(0.0, 1.0 - sum * prefactor);
    }
    // Continued fraction for Q (modified Lentz).
    double b = x + 1 - a;
    double c = 1 / TINY;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < MAX_ITERATIONS; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      d = Math.abs(d) < TINY ? TINY : d;
      c = b + an / c;
      c = Math.abs(c) < TINY ? TINY : c;
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPSILON) {
        break;
      }
    }
    return prefactor * h;
  }

  /** Lanczos approximation of ln Γ(x), x > 0. */
  static double logGamma(double x) {
    double[] coefficients = {76.18009172947146, -86.50532032941677, 24.01409824083091,
        -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5};
    double tmp = x + 5.5;
    tmp -= (x + 0.5) * Math.log(tmp);
    double series = 1.000000000190015;
    double y = x;
    for (double coefficient : coefficients) {
      series += coefficient / ++y;
    }
    return -tmp + Math.log(2.5066282746310005 * series / x);
  }
}
