package cn.court.enforcement.browser;

import cn.court.enforcement.forms.FormSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A Camunda Form (form-js 1.8.7) as rendered in Tasklist, filled the way a person does: it
 * reads the form's JSON to know each key's component type (text, number, date, radio,
 * checkbox, checklist, select, a group bound to a path) and drives that widget. form-js gives every input an id
 * ending in the component id ({@code fjs-form-<n>-<componentId>}, radios {@code ...-<index>}).
 */
final class CamundaForm {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String id;
  /** The same form as the server reads its rules. */
  private final FormSchema schema;
  /** Editable components by key, in form order. */
  private final Map<String, JsonNode> fields;
  /** Options of selects filled from a variable (form-js {@code valuesKey}), by that variable's name. */
  private final Map<String, JsonNode> variableOptions = new HashMap<>();

  private CamundaForm(String id, Map<String, JsonNode> fields, FormSchema schema) {
    this.id = id;
    this.schema = schema;
    this.fields = fields;
  }

  static CamundaForm read(Path file) {
    try {
      String text = Files.readString(file);
      JsonNode form = JSON.readTree(text);
      Map<String, JsonNode> fields = new LinkedHashMap<>();
      collect(form.path("components"), fields);
      FormSchema schema = FormSchema.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      return new CamundaForm(form.path("id").asText(), fields, schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode components, Map<String, JsonNode> fields) {
    for (JsonNode component : components) {
      if (component.has("components") && component.has("path")) {
        fields.putIfAbsent(component.path("path").asText(), component); // a group bound to a path: one object
      } else if (component.has("components")) {
        collect(component.path("components"), fields);
      } else if (component.has("key") && !component.path("readonly").asBoolean()
          && !component.path("disabled").asBoolean()) {
        fields.putIfAbsent(component.path("key").asText(), component);
      }
    }
  }

  String id() {
    return id;
  }

  /** Variables the selects take their options from ({@code valuesKey}). */
  List<String> optionVariables() {
    return fields.values().stream().filter(component -> component.has("valuesKey"))
        .map(component -> component.path("valuesKey").asText()).toList();
  }

  /** The options the task offers in {@code variable}, a JSON array of {label, value}. */
  void options(String variable, String json) {
    try {
      variableOptions.put(variable, JSON.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keys a person can type into or choose, in the order they appear. */
  List<String> editableKeys() {
    return new ArrayList<>(fields.keySet());
  }

  /**
   * Whether form-js itself refuses {@code value} in {@code key} by the field's own rules
   * (required, length, bounds, pattern), so its message shows before anything is submitted;
   * otherwise only the server can refuse it.
   */
  boolean refusesInForm(String key, Object value) {
    FormSchema.Field field = schema.fields().get(key);
    if (field == null || field.kind() == FormSchema.Kind.BOOLEAN) {
      return false; // form-js shows "required" on a box only once it was ticked and cleared
    }
    FormSchema.Rules rules = field.rules();
    String text = text(value);
    if (text.isEmpty()) {
      return rules.required();
    }
    if (text.length() > field.maxLength() || rules.minLength() != null && text.length() < rules.minLength()
        || rules.pattern() != null && !rules.pattern().matcher(text).matches()) {
      return true;
    }
    if (field.kind() == FormSchema.Kind.NUMBER) {
      BigDecimal number = new BigDecimal(text);
      return rules.min() != null && number.compareTo(rules.min()) < 0 || rules.max() != null && number.compareTo(rules.max()) > 0;
    }
    return false;
  }

  /** Sets one field in the page; {@code null} or "" empties it. */
  void fill(Browser browser, String key, Object value) {
    JsonNode component = fields.get(key);
    if (component == null) {
      throw new IllegalArgumentException("Form " + id + " has no editable field '" + key + "'");
    }
    if (component.has("path")) {
      Map<?, ?> group = value instanceof Map<?, ?> map ? map : Map.of();
      component.path("components").forEach(child ->
          fillComponent(browser, child, child.path("id").asText(), group.get(child.path("key").asText())));
      return;
    }
    fillComponent(browser, component, component.path("id").asText(), value);
  }

  private void fillComponent(Browser browser, JsonNode component, String componentId, Object value) {
    String key = component.path("key").asText();
    String type = component.path("type").asText();
    WebElement field = field(browser, componentId); // each widget's click scrolls it into view
    switch (type) {
      case "textfield", "textarea", "number" -> type(browser, field.findElement(By.cssSelector("input, textarea")), text(value));
      case "datetime" -> typeDate(browser, field.findElement(By.cssSelector("input")), text(value));
      case "checkbox" -> {
        WebElement box = field.findElement(By.cssSelector("input[type='checkbox']"));
        if (box.isSelected() != Boolean.parseBoolean(text(value))) {
          browser.click(box);
        }
      }
      case "radio" -> browser.click(field.findElement(By.cssSelector("input[id$='-" + componentId + "-" + index(component, text(value)) + "']")));
      case "checklist" -> {
        List<String> wanted = value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        JsonNode values = component.path("values");
        for (int i = 0; i < values.size(); i++) {
          WebElement box = field.findElement(By.cssSelector("input[id$='-" + componentId + "-" + i + "']"));
          if (box.isSelected() != wanted.contains(values.get(i).path("value").asText())) {
            browser.click(box);
          }
        }
      }
      case "select" -> choose(browser, field, component, options(component), text(value));
      default -> throw new IllegalArgumentException("Form " + id + ": cannot fill a '" + type + "' (" + key + ")");
    }
  }

  /** The wrapper of a component: the nearest form-js field around the element whose id ends in its id. */
  private static WebElement field(Browser browser, String componentId) {
    String endsWith = "substring(@id, string-length(@id) - %d) = '-%s'";
    WebElement input = browser.awaitPresent(By.xpath("//*[" + endsWith.formatted(componentId.length(), componentId)
        + " or " + endsWith.formatted(componentId.length() + 2, componentId + "-0")
        + " or " + endsWith.formatted(componentId.length() + 5, componentId + "-date") + "]"));
    return input.findElement(By.xpath("./ancestor::*[contains(concat(' ', @class, ' '), ' fjs-form-field ')][1]"));
  }

  private static void type(Browser browser, WebElement input, String text) {
    // form-js may re-render while a field is typed into (after another field's validation):
    // then the keys are lost, so check the value and type again.
    for (int attempt = 0; attempt < 3; attempt++) {
      browser.click(input);
      // An empty value is typed and deleted, so form-js sees a change and validates the field.
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, text.isEmpty() ? "x" + Keys.BACK_SPACE : text, Keys.TAB);
      if (text.equals(input.getDomProperty("value"))) {
        return;
      }
    }
  }

  /** form-js shows dates as its placeholder says (mm/dd/yyyy) and stores them as yyyy-MM-dd. */
  private static void typeDate(Browser browser, WebElement input, String isoDate) {
    String shown = isoDate;
    String placeholder = input.getAttribute("placeholder");
    // American order, in English or as formjs-zh.js puts it in Chinese
    if (!isoDate.isEmpty() && ("mm/dd/yyyy".equalsIgnoreCase(placeholder) || "月/日/年".equals(placeholder))) {
      shown = LocalDate.parse(isoDate).format(DateTimeFormatter.ofPattern("MM/dd/yyyy"));
    }
    browser.click(input);
    // Typed and left with Tab (Escape would close a start form's dialog).
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, shown.isEmpty() ? "x" + Keys.BACK_SPACE : shown, Keys.TAB);
  }

  private JsonNode options(JsonNode component) {
    return component.has("valuesKey")
        ? variableOptions.getOrDefault(component.path("valuesKey").asText(), JSON.createArrayNode())
        : component.path("values");
  }

  /**
   * The select is a custom dropdown: open it, click the option with the value's label. An
   * option whose value exists only once the case is filed (a respondent's party id) is named
   * by its label in the example.
   */
  private static void choose(Browser browser, WebElement field, JsonNode component, JsonNode options, String value) {
    String label = component.has("valuesKey") && options.isEmpty() ? value : null;
    for (JsonNode option : options) {
      if (option.path("value").asText().equals(value) || option.path("label").asText().equals(value)) {
        label = option.path("label").asText();
      }
    }
    if (label == null) {
      throw new IllegalArgumentException("Select " + component.path("key").asText() + " has no value '" + value + "'");
    }
    By option = By.xpath(".//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + label + "']");
    // A click toggles the list; focus from the previous field's Tab may already have opened it.
    for (int attempt = 0; attempt < 3 && field.findElements(option).isEmpty(); attempt++) {
      browser.click(field.findElement(By.cssSelector(".fjs-select-display")));
      browser.awaitText(label, java.time.Duration.ofMillis(500));
    }
    browser.click(field.findElement(option));
  }

  private static int index(JsonNode component, String value) {
    JsonNode values = component.path("values");
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).path("value").asText().equals(value)) {
        return i;
      }
    }
    throw new IllegalArgumentException(component.path("key").asText() + " has no value '" + value + "'");
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }
}
