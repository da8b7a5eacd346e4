package cn.court.enforcement.allocation;

/** Where the random number of a draw comes from; a seam so tests can fix the sequence. */
@FunctionalInterface
public interface DrawSource {

  /** A uniformly distributed value in {@code [0, bound)}. */
  int nextInt(int bound);
}
