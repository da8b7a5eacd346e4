package cn.court.enforcement.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The fields of a deployed Camunda Form (form-js schema) and their rules, read from the form
 * itself so that what a designer sets in Modeler is what the server enforces: the field's kind,
 * required, pattern, minLength/maxLength, min/max, decimal digits, the options of choices, and
 * the condition that hides it. Dates record what happened, so they may not be after today
 * unless the field's custom property {@code allowFuture} is {@code true}.
 */
public record FormSchema(String id, Map<String, Field> fields) {

  /** Far above any form's maxLength; the cap for text fields that declare none. */
  public static final int MAX_VALUE_LENGTH = 10_000;

  /** What a field's value is in the process variables. */
  public enum Kind { TEXT, NUMBER, BOOLEAN, LIST, OBJECT }

  /**
   * A keyed field. {@code shown} fields (readonly, disabled) display a stored value: what a
   * submission says for them is ignored. {@code options} is null when the choices are dynamic;
   * {@code hide} is the FEEL condition (without its {@code =}) under which the form hides it.
   */
  public record Field(String key, String label, Kind kind, boolean shown, Set<String> options, int maxLength,
      Rules rules) {

    /** Why the submitted variable (a REST VariableValueDto) does not fit its kind, or empty. */
    public Optional<String> problem(JsonNode variable) {
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

    /** Every rule the form sets for this field that {@code value} (a process variable) breaks. */
    public List<String> problems(Object value) {
      List<String> problems = new ArrayList<>();
      if (isEmpty(value)) {
        if (rules.required()) {
          problems.add((kind == Kind.BOOLEAN ? "请勾选" : "请填写") + label);
        }
        return problems;
      }
      switch (kind) {
        case TEXT -> {
          if (!(value instanceof String text)) {
            return List.of(wrongType().orElseThrow());
          }
          text(text).ifPresent(problems::add);
          if (rules.minLength() != null && text.length() < rules.minLength()) {
            problems.add(label + "至少" + rules.minLength() + "个字");
          }
          if (rules.pattern() != null && !rules.pattern().matcher(text).matches()) {
            problems.add(label + "格式不正确");
          }
          if (rules.date()) {
            date(text).ifPresent(problems::add);
          }
        }
        case NUMBER -> {
          if (!(value instanceof Number number)) {
            return List.of(wrongType().orElseThrow());
          }
          number(new BigDecimal(number.toString())).ifPresent(problems::add);
        }
        case BOOLEAN -> {
          if (!(value instanceof Boolean checked)) {
            return List.of(wrongType().orElseThrow());
          }
          if (rules.required() && !checked) {
            problems.add("请勾选" + label);
          }
        }
        case LIST -> {
          List<String> items = items(value);
          if (items == null) {
            return List.of(wrongType().orElseThrow());
          }
          items.stream().filter(item -> options != null && !options.contains(item)).findFirst()
              .flatMap(this::invalid).ifPresent(problems::add);
        }
        case OBJECT -> {
          // Groups and lists bound to a path: their inner fields are the domain's to check.
        }
      }
      return problems;
    }

    private Optional<String> number(BigDecimal number) {
      if (rules.min() != null && number.compareTo(rules.min()) < 0) {
        return Optional.of(label + "不能小于" + rules.min().toPlainString());
      }
      if (rules.max() != null && number.compareTo(rules.max()) > 0) {
        return Optional.of(label + "不能大于" + rules.max().toPlainString());
      }
      if (rules.decimalDigits() != null && number.stripTrailingZeros().scale() > rules.decimalDigits()) {
        return Optional.of(rules.decimalDigits() == 0 ? label + "应为整数" : label + "最多保留" + rules.decimalDigits() + "位小数");
      }
      return Optional.empty();
    }

    private Optional<String> date(String text) {
      try {
        LocalDate date = LocalDate.parse(text);
        return !rules.allowFuture() && date.isAfter(LocalDate.now()) ? Optional.of(label + "不能晚于今天") : Optional.empty();
      } catch (DateTimeParseException e) {
        return Optional.of(label + "不是有效的日期（格式：yyyy-MM-dd）");
      }
    }

    private Optional<String> text(String text) {
      if (text.length() > maxLength) {
        return Optional.of(label + "不能超过" + maxLength + "个字");
      }
      return options == null || text.isEmpty() || options.contains(text) ? Optional.empty() : invalid(text);
    }

    /** Checklists and tag lists arrive as a JSON array of option values, serialised as text. */
    private Optional<String> list(String json) {
      Optional<JsonNode> items = json(json).filter(JsonNode::isArray);
      if (items.isEmpty()) {
        return wrongType();
      }
      for (JsonNode item : items.get()) {
        if (!item.isTextual()) {
          return wrongType();
        }
        if (options != null && !options.contains(item.asText())) {
          return invalid(item.asText());
        }
      }
      return Optional.empty();
    }

    private Optional<String> invalid(String value) {
      String shown = value.length() > 50 ? value.substring(0, 50) + "…" : value;
      return Optional.of(label + "的取值无效：" + shown);
    }

    private Optional<String> wrongType() {
      return Optional.of(label + "的取值类型不正确（应为" + switch (kind) {
        case TEXT -> "文字";
        case NUMBER -> "数字";
        case BOOLEAN -> "是或否";
        case LIST -> "列表";
        case OBJECT -> "一组信息";
      } + "）");
    }

    private boolean isEmpty(Object value) {
      return value == null || value instanceof String text && text.isBlank()
          || kind == Kind.LIST && items(value) != null && items(value).isEmpty();
    }

    /** A list variable: Spin Json array (forms) or a Java collection (engine callers); else null. */
    private static List<String> items(Object value) {
      List<String> items = new ArrayList<>();
      if (value instanceof SpinJsonNode node && node.isArray()) {
        node.elements().forEach(element -> items.add(element.isString() ? element.stringValue() : element.toString()));
        return items;
      }
      if (value instanceof Collection<?> collection) {
        collection.forEach(element -> items.add(String.valueOf(element)));
        return items;
      }
      return null;
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

  /** The validation a field declares in the form ({@code validate}, subtype, custom properties, conditional). */
  public record Rules(boolean required, Pattern pattern, Integer minLength, BigDecimal min, BigDecimal max,
      Integer decimalDigits, boolean date, boolean allowFuture, String hide) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  public static FormSchema parse(InputStream form) {
    try {
      JsonNode schema = JSON.readTree(form);
      // In the form's order, so a refusal lists problems as the user reads the form.
      Map<String, Field> fields = new LinkedHashMap<>();
      collect(schema.path("components"), "", fields);
      return new FormSchema(schema.path("id").asText(), Collections.unmodifiableMap(fields));
    } catch (IOException e) {
      throw new UncheckedIOException("Deployed form is not JSON", e);
    }
  }

  /** Fields inside a labelled group are named with it: 申请执行人 + 姓名或名称. */
  private static void collect(JsonNode components, String group, Map<String, Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String key = component.path("key").asText(component.path("path").asText(""));
      if (component.has("components")) {
        if (key.isEmpty()) {
          collect(component.get("components"), group + component.path("label").asText(""), fields);
        } else {
          // A group or list bound to a path submits one object under that key.
          fields.put(key, field(component, key, group, Kind.OBJECT));
        }
      } else if (!key.isEmpty()) {
        fields.put(key, field(component, key, group, kindOf(type)));
      }
    }
  }

  private static Field field(JsonNode component, String key, String group, Kind kind) {
    boolean shown = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
    Set<String> options = null;
    if (component.has("values") && !component.has("valuesKey") && !component.has("valuesExpression")) {
      options = new LinkedHashSet<>();
      for (JsonNode option : component.get("values")) {
        options.add(option.path("value").asText());
      }
    }
    JsonNode validate = component.path("validate");
    int maxLength = Math.min(validate.path("maxLength").asInt(MAX_VALUE_LENGTH), MAX_VALUE_LENGTH);
    String label = firstText(component, "label", "dateLabel", "timeLabel");
    String hide = component.path("conditional").path("hide").asText("").strip();
    Rules rules = new Rules(validate.path("required").asBoolean(false), pattern(validate.path("pattern").asText("")),
        validate.has("minLength") ? validate.get("minLength").asInt() : null, decimal(validate.path("min")),
        decimal(validate.path("max")), component.has("decimalDigits") ? component.get("decimalDigits").asInt() : null,
        "datetime".equals(component.path("type").asText()) && !"time".equals(component.path("subtype").asText())
            && !"datetime".equals(component.path("subtype").asText()),
        component.path("properties").path("allowFuture").asText("").equals("true"),
        hide.startsWith("=") ? hide.substring(1).strip() : hide.isEmpty() ? null : hide);
    return new Field(key, label.isBlank() ? key : group + label, kind, shown, options, maxLength, rules);
  }

  private static String firstText(JsonNode component, String... names) {
    for (String name : names) {
      if (component.hasNonNull(name) && !component.get(name).asText().isBlank()) {
        return component.get(name).asText();
      }
    }
    return "";
  }

  private static Pattern pattern(String pattern) {
    try {
      return pattern.isEmpty() ? null : Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("Form pattern is not a regular expression: " + pattern, e);
    }
  }

  private static BigDecimal decimal(JsonNode node) {
    return node.isNumber() ? node.decimalValue() : null;
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
