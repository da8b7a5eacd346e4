package cn.court.enforcement.migration;

import cn.court.enforcement.calendar.TimeLimitParseListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import cn.court.enforcement.security.ApiRefusal;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.yaml.snakeyaml.Yaml;

/**
 * A process's mapping file ({@code processes/migrations/<process key>.yml}): what the same-id
 * mapping cannot know. {@code mappings} lists activities renamed or split between versions
 * ({@code from} an id of any older version, {@code to} its id now, and for a user task the
 * {@code timeLimit} it keeps — the names of its {@code timeLimit} property); {@code removed}
 * gives, in Chinese, why an activity has no successor, which the dry run shows for the cases
 * still there. Ids are version-independent: a chain of renames (A → B in one version, B → C in
 * the next) leads A to C.
 */
public record MigrationMappings(String source, Map<String, Mapping> byFrom, Map<String, String> removed) {

  /** One renamed or split activity. {@code timeLimit} null when the file names none. */
  public record Mapping(String from, String to, List<String> timeLimit) {}

  public static final MigrationMappings NONE = new MigrationMappings("（无映射文件）", Map.of(), Map.of());

  /** The file of {@code processKey} in {@code directory}, or {@link #NONE} when it has none. */
  public static MigrationMappings of(Resource directory, String processKey) {
    try {
      Resource file = directory.createRelative(processKey + ".yml");
      if (!file.exists()) {
        return NONE;
      }
      try (InputStream in = file.getInputStream()) {
        return read(in, "processes/migrations/" + processKey + ".yml");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MigrationMappings read(InputStream yaml, String source) {
    Object root = new Yaml().load(yaml);
    if (root == null) {
      return new MigrationMappings(source, Map.of(), Map.of());
    }
    if (!(root instanceof Map<?, ?> top)) {
      throw broken(source + "：应包含 mappings 列表和 removed 表");
    }
    Map<String, Mapping> byFrom = new LinkedHashMap<>();
    Object list = top.get("mappings");
    if (list != null && !(list instanceof List<?>)) {
      throw broken(source + "：mappings 应为列表，每项为 from/to/timeLimit");
    }
    for (Object raw : list == null ? List.of() : (List<?>) list) {
      if (!(raw instanceof Map<?, ?> entry) || text(entry, "from") == null || text(entry, "to") == null) {
        throw broken(source + "：mappings 的每一项须写明 from 和 to：" + raw);
      }
      String limit = text(entry, "timeLimit");
      Mapping mapping = new Mapping(text(entry, "from"), text(entry, "to"),
          limit == null ? null : TimeLimitParseListener.names(limit));
      if (byFrom.putIfAbsent(mapping.from(), mapping) != null) {
        throw broken(source + "：活动 " + mapping.from() + " 映射了两次");
      }
    }
    Map<String, String> removed = new LinkedHashMap<>();
    Object reasons = top.get("removed");
    if (reasons instanceof Map<?, ?> map) {
      map.forEach((id, why) -> removed.put(id.toString().strip(), why == null ? "" : why.toString().strip()));
    } else if (reasons != null) {
      throw broken(source + "：removed 应为「活动 id: 原因」的表");
    }
    return new MigrationMappings(source, byFrom, removed);
  }

  /**
   * Where {@code from} goes in the target: the end of its chain of renames that the target has,
   * the last mapping of the chain (for its time limit). Empty when the file does not map it.
   */
  public Optional<Mapping> resolve(String from, Predicate<String> inTarget) {
    Mapping mapping = byFrom.get(from);
    Set<String> seen = new HashSet<>(Set.of(from));
    while (mapping != null && !inTarget.test(mapping.to()) && byFrom.containsKey(mapping.to()) && seen.add(mapping.to())) {
      Mapping next = byFrom.get(mapping.to());
      mapping = new Mapping(from, next.to(), next.timeLimit());
    }
    return Optional.ofNullable(mapping);
  }

  private static ApiRefusal broken(String message) {
    return new ApiRefusal(HttpStatus.BAD_REQUEST, "映射文件有误：" + message);
  }

  private static String text(Map<?, ?> entry, String key) {
    Object value = entry.get(key);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
