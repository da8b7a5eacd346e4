package cn.court.enforcement.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.EnforcementApplication;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The application in its own JVM, on the main classpath only (the test resources would swap
 * in an in-memory database and switch the job executor off). Killed on close and on exit of
 * the test JVM; its output is in {@code <dir>/<name>.log}. Ready once a filing clerk can read
 * the case process over REST: the schema, deployment and organisation are then in place.
 */
public final class ChildApplication implements AutoCloseable {

  private static final String CLERK = "lianyuan";
  private static final String PASSWORD = "demo";
  private static final Duration START_UP = Duration.ofSeconds(150);
  /** C1 only: starts in half the time, which is what the short runs are made of. */
  public static final List<String> QUICK_START = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

  private final Process process;
  private final Thread killOnExit;
  private final Path log;
  private final int port;
  private Set<Integer> listeningPorts;

  private ChildApplication(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.killOnExit = new Thread(process::destroyForcibly);
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** Starts the application with {@link #QUICK_START} and waits until it is ready. */
  public static ChildApplication start(Path dir, String name, String... args) throws IOException, InterruptedException {
    return launch(dir, name, QUICK_START, args).awaitReady();
  }

  /** Starts the application's JVM on a free port without waiting for it (see {@link #awaitReady}). */
  public static ChildApplication launch(Path dir, String name, List<String> jvmOptions, String... args)
      throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", mainClasspath(), EnforcementApplication.class.getName(), "--server.port=" + port));
    command.addAll(List.of(args));
    Path log = dir.resolve(name + ".log");
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    return new ChildApplication(process, log, port);
  }

  /** Waits until the application answers; kills it and fails when it exits or takes too long. */
  public ChildApplication awaitReady() throws InterruptedException, IOException {
    try {
      long deadline = System.nanoTime() + START_UP.toNanos();
      StaffClient clerk = StaffClient.rest(port, CLERK, PASSWORD);
      while (System.nanoTime() < deadline) {
        assertThat(process.isAlive()).as("child exited during start-up, see %s", log).isTrue();
        try {
          if (clerk.get("/engine-rest/process-definition/key/enforcement-case").statusCode() == 200) {
            listeningPorts = listeningPorts(process.pid());
            return this;
          }
        } catch (UncheckedIOException notYetListening) {
          // keep polling
        }
        Thread.sleep(250);
      }
      throw new AssertionError("child not ready within " + START_UP + ", see " + log);
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  public int port() {
    return port;
  }

  /** TCP ports the ready application listened on. */
  public Set<Integer> listeningPorts() {
    return listeningPorts;
  }

  public Path log() {
    return log;
  }

  /** SIGKILL on Linux: no shutdown hooks, no H2 close, no job locks released. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    kill();
    Runtime.getRuntime().removeShutdownHook(killOnExit);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The test run's classpath without the test classes: the application as packaged. */
  public static String mainClasspath() {
    String testClasses;
    try {
      testClasses = Path.of(ChildApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .filter(entry -> !entry.equals(testClasses))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** TCP ports the process listens on (Linux: its socket inodes matched in /proc/net/tcp{,6}). */
  private static Set<Integer> listeningPorts(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      fds.forEach(fd -> {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException closedMeanwhile) {
          // an fd closed between listing and reading is no listening socket
        }
      });
    }
    Set<Integer> ports = new HashSet<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      List<String> lines = Files.readAllLines(Path.of(table));
      for (String line : lines.subList(1, lines.size())) { // after the header
        String[] f = line.trim().split("\\s+");
        if (f[3].equals("0A") && inodes.contains(f[9])) { // 0A = LISTEN
          ports.add(Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16));
        }
      }
    }
    return ports;
  }
}
