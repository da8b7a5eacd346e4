package cn.court.enforcement.design;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The project's diagrams, decision tables and forms as the application deploys them at start-up. */
final class ProjectFiles {

  private ProjectFiles() {
  }

  /** Resource name (relative path, as the process application names it) → content. */
  static Map<String, byte[]> all() {
    Map<String, byte[]> files = new TreeMap<>();
    for (String folder : new String[] {"processes", "forms"}) {
      try (Stream<Path> paths = Files.walk(Path.of(folder))) {
        paths.filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)$"))
            .forEach(p -> files.put(p.toString().replace('\\', '/'), read(p)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String file) {
    return new String(read(Path.of(file)), java.nio.charset.StandardCharsets.UTF_8);
  }
}
