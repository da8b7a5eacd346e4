package cn.court.enforcement.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of a deployed Camunda Form (form-js schema) as far as a submission's shape is
 * concerned: which keys exist, what kind of value each takes, its options and longest text.
 * Required fields and formats are the domain checks' business (they run in the engine).
 */
public record FormSchema(String id, Map<String, Field> fields) {

  /** Far above any form's maxLength; the cap for text fields that declare none. */
  static final int MAX_VALUE_LENGTH = 10_000;

  /** What a field's value is in the submitted variables. */
  enum Kind { TEXT, NUMBER, BOOLEAN, LIST, OBJECT }

  /**
   * A keyed field. {@code shown} fields (readonly, disabled) display a stored value: what a
   * submission says for them is ignored. {@code options} is null when the choices are dynamic.
   */
  public record Field(String key, String label, Kind kind, boolean shown, Set<String> options, int maxLength) {

    /** Why the submitted variable (a REST VariableValueDto) does not fit, or empty. */
    Optional<String> problem(JsonNode variable) {
      JsonNode value = variable.path("value");
      String type = variable.path("type").asText("");
      if (value.isMissingNode() || value.isNull()) {
        return type.isEmpty() || type.equalsIgnoreCase("Null") ? Optional.empty() : wrongType();
      }
      return switch (kind) {
        case TEXT -> value.isTextual() && typeIs(type, "String") ? text(value.asText()) : wrongType();
        case NUMBER -> value.isNumber() && typeIs(type, "Integer", "Long", "Short", "Double") ? Optional.empty() : wrongType();
        case BOOLEAN -> value.isBoolean() && typeIs(type, "Boolean") ? Optional.empty() : wrongType();
        case LIST -> value.isTextual() && isJson(type) ? list(value.asText()) : wrongType();
        case OBJECT -> value.isTextual() && isJson(type) && json(value.asText()).isPresent() ? Optional.empty() : wrongType();
      };
    }

    private Optional<String> text(String text) {
      if (text.length() > maxLength) {
        return Optional.of("「" + label + "」不能超过" + maxLength + "个字");
      }
      return options == null || text.isEmpty() || options.contains(text) ? Optional.empty() : invalid(text);
    }

    /** Checklists and tag lists arrive as a JSON array of option values, serialised as text. */
    private Optional<String> list(String json) {
      Optional<JsonNode> items = json(json).filter(JsonNode::isArray);
      if (items.isEmpty()) {
        return Optional.of("「" + label + "」应为列表");
      }
      for (JsonNode item : items.get()) {
        if (!item.isTextual()) {
          return Optional.of("「" + label + "」应为列表");
        }
        if (options != null && !options.contains(item.asText())) {
          return invalid(item.asText());
        }
      }
      return Optional.empty();
    }

    private Optional<String> invalid(String value) {
      String shown = value.length() > 50 ? value.substring(0, 50) + "…" : value;
      return Optional.of("「" + label + "」的取值无效：" + shown);
    }

    private Optional<String> wrongType() {
      return Optional.of("「" + label + "」的取值类型不正确（应为" + switch (kind) {
        case TEXT -> "文字";
        case NUMBER -> "数字";
        case BOOLEAN -> "是或否";
        case LIST, OBJECT -> "列表";
      } + "）");
    }

    /** Lists and objects must say they are JSON, as Tasklist does; untyped text would stay text. */
    private static boolean isJson(String type) {
      return type.equalsIgnoreCase("Json") || type.equalsIgnoreCase("Object");
    }

    /** Untyped primitives are typed by the engine from the JSON value itself. */
    private static boolean typeIs(String type, String... allowed) {
      return type.isEmpty() || List.of(allowed).stream().anyMatch(type::equalsIgnoreCase);
    }

    private static Optional<JsonNode> json(String text) {
      try {
        return Optional.of(JSON.readTree(text));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  public static FormSchema parse(InputStream form) {
    try {
      JsonNode schema = JSON.readTree(form);
      Map<String, Field> fields = new LinkedHashMap<>();
      collect(schema.path("components"), fields);
      return new FormSchema(schema.path("id").asText(), Map.copyOf(fields));
    } catch (IOException e) {
      throw new UncheckedIOException("Deployed form is not JSON", e);
    }
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String key = component.path("key").asText(component.path("path").asText(""));
      if (component.has("components")) {
        if (key.isEmpty()) {
          collect(component.get("components"), fields);
        } else {
          // A group or list bound to a path submits one object under that key.
          fields.put(key, field(component, key, Kind.OBJECT));
        }
      } else if (!key.isEmpty()) {
        fields.put(key, field(component, key, kindOf(type)));
      }
    }
  }

  private static Field field(JsonNode component, String key, Kind kind) {
    boolean shown = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
    Set<String> options = null;
    if (component.has("values") && !component.has("valuesKey") && !component.has("valuesExpression")) {
      options = new LinkedHashSet<>();
      for (JsonNode option : component.get("values")) {
        options.add(option.path("value").asText());
      }
    }
    int maxLength = component.path("validate").path("maxLength").asInt(MAX_VALUE_LENGTH);
    String label = component.path("label").asText(key);
    return new Field(key, label.isBlank() ? key : label, kind, shown, options, Math.min(maxLength, MAX_VALUE_LENGTH));
  }

  private static Kind kindOf(String type) {
    return switch (type) {
      case "number" -> Kind.NUMBER;
      case "checkbox" -> Kind.BOOLEAN;
      case "checklist", "taglist" -> Kind.LIST;
      case "textfield", "textarea", "datetime", "select", "radio" -> Kind.TEXT;
      default -> Kind.OBJECT;
    };
  }

  /** The form of a process without a start form: no field at all. */
  static FormSchema none(String what) {
    return new FormSchema(what, Map.of());
  }
}
