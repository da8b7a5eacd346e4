package cn.court.enforcement.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the scale benchmarks share: sizes, percentiles, the heap high-water mark and a section of
 * figures with their targets, written by {@link BenchmarkReport}.
 */
final class ScaleReport {

  static final long MIB = 1024 * 1024;
  static final long HEAP_TARGET = 512 * MIB;

  /**
   * The H2 runs' database: in memory, but gone with its context (no {@code DB_CLOSE_DELAY=-1}, which
   * the tests' default keeps for the JVM's life), closed after the class ({@code @DirtiesContext}), so
   * the next class's heap figures do not carry this one's rows. The name makes each class's context its own.
   */
  static final String H2_OWN_DATABASE = "spring.datasource.url=jdbc:h2:mem:";
  /** After the name: the settings of the application's and the tests' H2 URLs (the parsed-statement cache). */
  static final String H2_SETTINGS = ";QUERY_CACHE_SIZE=256";

  private final String title;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /** A section of figures, each with its result, target and whether the target is met. */
  ScaleReport(String title) {
    this.title = title;
    this.header = List.of("figure", "result", "target", "met");
  }

  /** {@code full} normally, {@code small} with {@code -Dbenchmark.quick=true}; a system property overrides both. */
  static int size(String property, int full, int small) {
    return Integer.getInteger(property, BenchmarkReport.size(full, small));
  }

  /** Nearest-rank percentile of values sorted ascending. */
  static double percentile(List<Long> sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  static String ms(double micros) {
    return String.format(Locale.ROOT, "%,.1f ms", micros / 1000.0);
  }

  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,.0f MiB", bytes / (double) MIB);
  }

  /** "met" or "missed", for the target column. */
  static String verdict(boolean met) {
    return met ? "met" : "**missed**";
  }

  ScaleReport row(String figure, String result, String target, String verdict) {
    rows.add(List.of(figure, result, target, verdict));
    return this;
  }

  /** A figure without a target of its own (a reference for the others). */
  ScaleReport row(String figure, String result) {
    return row(figure, result, "—", "—");
  }

  ScaleReport note(String text) {
    notes.add(text);
    return this;
  }

  /** Prints the section and appends it to the report file. */
  void append() {
    StringBuilder md = new StringBuilder(BenchmarkReport.table(header, rows));
    notes.forEach(note -> md.append("\n").append(note).append("\n"));
    BenchmarkReport.section(title, md.toString());
  }

  /**
   * With {@code -Dbenchmark.jfr=true}, a flight recording (JFR's "profile" settings) of what follows,
   * written to {@code target/<name>.jfr} when closed; otherwise nothing. In-process, because the
   * forked test JVM's options are the build's.
   */
  static AutoCloseable flightRecording(String name) throws IOException, java.text.ParseException {
    if (!Boolean.getBoolean("benchmark.jfr")) {
      return () -> { };
    }
    jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
    Path file = Path.of("target", name + ".jfr");
    recording.setDestination(file);
    recording.start();
    return () -> {
      recording.stop();
      recording.close();
      System.out.println("BENCHMARK flight recording: " + file.toAbsolutePath());
    };
  }

  /**
   * The heap's high-water mark from now on: the sum of each heap pool's peak usage (an upper
   * bound, the pools peak at different moments), and the largest heap left after a collection
   * (the live data), sampled every 100 ms.
   */
  static final class Heap implements AutoCloseable {

    private final AtomicLong afterCollection = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    Heap() {
      // a full collection first: without it the old generation's "after a collection" still holds what the
      // classes before left (a closed context's H2 database) until G1 next collects it
      System.gc();
      pools().forEach(MemoryPoolMXBean::resetPeakUsage);
      sampler = new Thread(() -> {
        while (running) {
          long live = pools().stream().map(MemoryPoolMXBean::getCollectionUsage).filter(u -> u != null)
              .mapToLong(MemoryUsage::getUsed).sum();
          afterCollection.accumulateAndGet(live, Math::max);
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    private static List<MemoryPoolMXBean> pools() {
      return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    long peak() {
      return pools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    long liveAfterCollection() {
      return afterCollection.get();
    }

    /**
     * The report's heap lines: the peak the brief asks for, and the live data (after a collection),
     * which is what a smaller {@code -Xmx} would have to hold: with a large maximum heap the
     * collector lets the young generation grow, so the peak follows the maximum, not the need.
     */
    void rows(ScaleReport report, String during) {
      long peak = peak();
      long live = liveAfterCollection();
      report.row("heap high-water mark (peak of the heap pools), " + during,
          mib(peak) + " (-Xmx " + mib(Runtime.getRuntime().maxMemory()) + ")", "< 512 MiB", verdict(peak < HEAP_TARGET));
      report.row("heap after a collection, at most, " + during, mib(live), "< 512 MiB", verdict(live < HEAP_TARGET));
    }

    @Override
    public void close() {
      running = false;
      sampler.interrupt();
    }
  }
}
