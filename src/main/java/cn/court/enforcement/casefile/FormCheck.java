package cn.court.enforcement.casefile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Collects every problem of a submitted form, so the user sees them all at once, and turns
 * them into one {@link InvalidCaseDataException}: REST answers 400, the task stays open.
 */
public final class FormCheck {

  /** The forms' longest text (textarea maxLength); stored columns are at least this long. */
  public static final int MAX_TEXT = 2000;
  /** Far above any case, far below the registry's DECIMAL(18, 2). */
  static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Function<String, Object> values;
  private final List<String> problems;

  public FormCheck(Function<String, Object> values) {
    this(values, new ArrayList<>());
  }

  private FormCheck(Function<String, Object> values, List<String> problems) {
    this.values = values;
    this.problems = problems;
  }

  /** Checks of other values (an entry of a dynamic list) whose problems are reported with these. */
  public FormCheck within(Function<String, Object> entry) {
    return new FormCheck(entry, problems);
  }

  public Object raw(String name) {
    return values.apply(name);
  }

  /** Trimmed text, or null when empty. */
  public String optionalText(String name) {
    Object value = values.apply(name);
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  public String text(String name, String label) {
    return text(name, label, MAX_TEXT);
  }

  /** Required text of at most {@code max} characters (the form's maxLength, the column's size). */
  public String text(String name, String label, int max) {
    String text = optionalText(name, label, max);
    if (text == null) {
      problems.add("请填写" + label);
    }
    return text;
  }

  /** Optional text of at most {@code max} characters. */
  public String optionalText(String name, String label, int max) {
    String text = optionalText(name);
    if (text != null && text.length() > max) {
      problems.add(label + "不能超过" + max + "个字");
    }
    return text;
  }

  public String matching(String name, String label, Pattern pattern, String format) {
    String text = text(name, label);
    if (text != null && !pattern.matcher(text).matches()) {
      problems.add(label + "格式不正确（应为" + format + "）");
    }
    return text;
  }

  public String oneOf(String name, String label, Collection<String> allowed) {
    String text = text(name, label);
    if (text != null && !allowed.contains(text)) {
      problems.add(label + "的取值无效：" + text);
      return null;
    }
    return text;
  }

  /** A sum of money in yuan: not negative, at most two decimals, below an implausible size. */
  public BigDecimal amount(String name, String label) {
    BigDecimal amount = nonNegative(name, label);
    if (amount != null && amount.stripTrailingZeros().scale() > 2) {
      problems.add(label + "最多保留两位小数（精确到分）");
      return null;
    }
    if (amount != null && amount.compareTo(MAX_AMOUNT) > 0) {
      problems.add(label + "过大，请核对（上限为一万亿元）");
      return null;
    }
    return amount;
  }

  public BigDecimal nonNegative(String name, String label) {
    Object value = values.apply(name);
    if (value == null || value.toString().isBlank()) {
      problems.add("请填写" + label);
      return null;
    }
    try {
      BigDecimal amount = new BigDecimal(value.toString().trim());
      if (amount.signum() < 0) {
        problems.add(label + "不能为负数");
        return null;
      }
      return amount;
    } catch (NumberFormatException e) {
      problems.add(label + "不是有效的数字");
      return null;
    }
  }

  /** A date as the forms send it (yyyy-MM-dd), not after today. */
  public LocalDate date(String name, String label) {
    String text = text(name, label);
    if (text == null) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text);
      if (date.isAfter(LocalDate.now())) {
        problems.add(label + "不能晚于今天");
      }
      return date;
    } catch (DateTimeParseException e) {
      problems.add(label + "不是有效的日期（格式：yyyy-MM-dd）");
      return null;
    }
  }

  /** A checkbox; absent counts as unchecked. */
  public boolean flag(String name) {
    Object value = values.apply(name);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  /**
   * Values of a checklist or taglist: a Spin Json array from forms, or a Java list; absent is
   * empty. Anything else (a number, a date, one bare string) is refused, never read as empty.
   */
  public List<String> list(String name, String label) {
    Object value = values.apply(name);
    List<String> items = new ArrayList<>();
    if (value instanceof SpinJsonNode node && node.isArray()) {
      node.elements().forEach(element -> items.add(element.isString() ? element.stringValue() : element.toString()));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(element -> items.add(String.valueOf(element)));
    } else if (value != null) {
      problems.add(label + "应为列表");
    }
    return items;
  }

  /**
   * The fields of a group bound to a path (one party): a Spin Json object from forms, a Java
   * map, or JSON text; absent is empty, so its required fields are reported missing. Anything
   * else is refused, never read as empty.
   */
  public Map<String, Object> group(String name, String label) {
    Object value = values.apply(name);
    if (value == null) {
      return Map.of();
    }
    try {
      JsonNode group = value instanceof SpinJsonNode || value instanceof String
          ? JSON.readTree(value.toString()) : JSON.valueToTree(value);
      if (group.isObject()) {
        return JSON.convertValue(group, new TypeReference<>() { });
      }
    } catch (IOException | IllegalArgumentException e) {
      // not JSON: refused below like any other shape
    }
    problems.add(label + "的填写内容无效");
    return Map.of();
  }

  /** A whole number from {@code min} to {@code max} (a number field without decimals). */
  public Integer wholeNumber(String name, String label, int min, int max) {
    BigDecimal number = nonNegative(name, label);
    if (number == null) {
      return null;
    }
    if (number.stripTrailingZeros().scale() > 0 || number.intValue() < min || number.intValue() > max) {
      problems.add(label + "应为" + min + "至" + max + "的整数");
      return null;
    }
    return number.intValue();
  }

  public void require(boolean condition, String message) {
    if (!condition) {
      problems.add(message);
    }
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** An amount of money in yuan (a form number, or absent for none), to the fen. */
  public static BigDecimal money(Object value) {
    return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
  }

  /** Refuses the submission if anything was wrong, naming every problem. */
  public void throwIfInvalid(String what) {
    if (!problems.isEmpty()) {
      throw new InvalidCaseDataException(what + "：" + String.join("；", problems));
    }
  }
}
