package cn.court.enforcement.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A timed run: {@code threads} threads repeat a unit of work until the time is up. */
public record Timed(int threads, long units, double seconds) {

  /** One unit of work on thread {@code thread} (from 0), its {@code k}-th; returns what it counts (tasks, rows). */
  @FunctionalInterface
  public interface Unit {
    long run(int thread, int k) throws Exception;
  }

  public double perSecond() {
    return units / seconds;
  }

  /** Runs {@code unit} on {@code threads} threads for {@code seconds}; a failing unit fails the run. */
  public static Timed run(int threads, int seconds, Unit unit) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    try {
      List<Future<Long>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          long units = 0;
          for (int k = 0; System.nanoTime() < end; k++) {
            units += unit.run(thread, k);
          }
          return units;
        }));
      }
      long units = 0;
      for (Future<Long> f : done) {
        units += f.get();
      }
      return new Timed(threads, units, (System.nanoTime() - start) / 1e9);
    } catch (ExecutionException e) {
      throw new IllegalStateException("A benchmark unit failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }
}
