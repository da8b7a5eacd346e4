package cn.court.enforcement.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every {@code court.*} key the code reads is in the IDE metadata with a description and in the table of
 * {@code docs/configuration.md}, and the default both show is the one the code applies with the built-in
 * {@code application.yml}.
 */
class ConfigurationReferenceTest {

  private static final Pattern DOC_ROW = Pattern.compile("(?m)^\\| `(court\\.[a-z.-]+)` \\| ([^|]*) \\|");

  @Test
  void everyCourtKeyIsDescribedAndDocumentedWithTheDefaultTheCodeApplies() throws Exception {
    Map<String, JsonNode> keys = new TreeMap<>();
    for (JsonNode property : metadata().path("properties")) {
      if (property.path("name").asText().startsWith("court.")) {
        keys.put(property.path("name").asText(), property);
      }
    }
    Map<String, String> documented = new TreeMap<>();
    Matcher row = DOC_ROW.matcher(Files.readString(Path.of("docs", "configuration.md")));
    while (row.find()) {
      documented.put(row.group(1), row.group(2));
    }
    assertThat(documented.keySet()).as("keys in docs/configuration.md").isEqualTo(keys.keySet());

    Binder builtIn = new Binder(ConfigurationPropertySources.from(
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))));
    for (JsonNode property : keys.values()) {
      String key = property.path("name").asText();
      assertThat(property.path("description").asText()).as("description of %s", key).isNotBlank();
      List<String> metadataDefault = values(property.path("defaultValue"));
      assertThat(applied(builtIn, key, Class.forName(property.path("sourceType").asText())))
          .as("default of %s", key).isEqualTo(metadataDefault);
      metadataDefault.stream().findFirst().ifPresentOrElse(
          first -> assertThat(documented.get(key)).as("documented default of %s", key).contains("`" + first + "`"),
          () -> assertThat(documented.get(key)).as("documented default of %s", key).contains("none"));
    }
  }

  /** The value the code ends up with when nobody sets the key: a record's own default, or a placeholder's. */
  private static List<String> applied(Binder builtIn, String key, Class<?> source) throws Exception {
    ConfigurationProperties annotation = source.getAnnotation(ConfigurationProperties.class);
    if (annotation == null) {
      for (Method method : source.getMethods()) {
        Scheduled scheduled = method.getAnnotation(Scheduled.class);
        String placeholder = "${" + key + ":";
        if (scheduled != null && scheduled.cron().startsWith(placeholder)) {
          return List.of(scheduled.cron().substring(placeholder.length(), scheduled.cron().length() - 1));
        }
      }
      throw new AssertionError(key + ": no default found in " + source);
    }
    Object bound = builtIn.bindOrCreate(annotation.prefix(), source);
    String component = camelCase(key.substring(annotation.prefix().length() + 1));
    for (RecordComponent c : source.getRecordComponents()) {
      if (c.getName().equals(component)) {
        Object value = c.getAccessor().invoke(bound);
        if (value instanceof Map<?, ?> map && map.isEmpty() || value == null) {
          return List.of();
        }
        return value instanceof Collection<?> list
            ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
      }
    }
    throw new AssertionError(key + ": no component " + component + " in " + source);
  }

  private static List<String> values(JsonNode value) {
    if (value.isMissingNode()) {
      return List.of();
    }
    return value.isArray()
        ? StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText).toList() : List.of(value.asText());
  }

  private static String camelCase(String dashed) {
    StringBuilder name = new StringBuilder();
    for (String part : dashed.split("-")) {
      name.append(name.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return name.toString();
  }

  private static JsonNode metadata() throws IOException {
    try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
      return new ObjectMapper().readTree(in);
    }
  }
}
