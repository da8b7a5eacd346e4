package cn.court.enforcement.support;

import cn.court.enforcement.forms.FormSchema;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;

/** A form as the project keeps it in {@code forms/}, and its values as Tasklist submits them. */
public final class FormSubmissions {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormSubmissions() {
  }

  /** Values as REST variables: lists, objects and Spin JSON as typed JSON text, the rest untyped. */
  public static Map<String, Object> typed(Map<String, ?> values) {
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, value instanceof SpinJsonNode spin
        ? Map.of("type", "Json", "value", spin.toString())
        : value instanceof List<?> || value instanceof Map<?, ?> ? Map.of("type", "Json", "value", json(value))
        : value == null ? Map.of() : Map.of("value", value)));
    return typed;
  }

  /** The body of a submit-form, complete or start request carrying {@code values}. */
  public static String variables(Map<String, ?> values) {
    return json(Map.of("variables", typed(values)));
  }

  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The form of {@code forms/<formId>.form}, as the server reads it once deployed. */
  public static FormSchema schema(String formId) {
    try (InputStream in = Files.newInputStream(Path.of("forms", formId + ".form"))) {
      return FormSchema.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
