package cn.court.enforcement.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Serves some of Camunda's MyBatis mapper files patched (TaskQueryAuthorization, HistoryEnds). MyBatis
 * reads mapper files through the thread's context class loader first, so the patched files are
 * served by a class loader set only while the engine builds its SQL mappings; one plugin serves them
 * all, as such class loaders cannot be stacked and restored in turn. A patch whose text Camunda
 * changed stops the engine's start instead of silently running the unpatched statement.
 */
public class MapperPatches extends AbstractProcessEnginePlugin {

  private final Map<String, UnaryOperator<String>> patches = new HashMap<>();
  private ClassLoader original;

  /** Each map: mapper resource → its patch; two patches of one file apply in the order given. */
  @SafeVarargs
  public MapperPatches(Map<String, UnaryOperator<String>>... patches) {
    for (Map<String, UnaryOperator<String>> some : patches) {
      some.forEach((resource, patch) -> this.patches.merge(resource, patch, (first, then) -> xml -> then.apply(first.apply(xml))));
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Map<String, byte[]> patched = new HashMap<>();
    patches.forEach((resource, patch) -> patched.put(resource, patch.apply(read(resource)).getBytes(StandardCharsets.UTF_8)));
    Thread thread = Thread.currentThread();
    original = thread.getContextClassLoader();
    thread.setContextClassLoader(new ClassLoader(original) {
      @Override
      public InputStream getResourceAsStream(String name) {
        return patched.containsKey(name) ? new ByteArrayInputStream(patched.get(name)) : super.getResourceAsStream(name);
      }
    });
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    Thread.currentThread().setContextClassLoader(original);
  }

  /** {@code text} with the one match of {@code pattern} replaced; fails unless there is exactly one. */
  static String replaceOnce(Pattern pattern, String text, String replacement) {
    return matchedOnce(pattern, text).replaceFirst(Matcher.quoteReplacement(replacement));
  }

  /** The one match replaced by its first group followed by {@code replacement}. */
  static String keepFirstGroup(Pattern pattern, String text, String replacement) {
    return matchedOnce(pattern, text).replaceFirst("$1" + Matcher.quoteReplacement(replacement));
  }

  /** {@code fragments} added at the end of a mapper file. */
  static String appended(String xml, String fragments) {
    int end = xml.lastIndexOf("</mapper>");
    return xml.substring(0, end) + fragments + xml.substring(end);
  }

  private static Matcher matchedOnce(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find() || matcher.find()) {
      throw new IllegalStateException("Camunda's mapping no longer has exactly one '" + pattern
          + "': review the patches of cn.court.enforcement.engine (MapperPatches) against this Camunda version");
    }
    return matcher.reset();
  }

  /** A resource of the class path (Camunda's mapper files, the project's fragments). */
  static String read(String resource) {
    try (InputStream in = MapperPatches.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
