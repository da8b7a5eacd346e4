package cn.court.enforcement.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data kept beside a form in {@code forms/examples/<form-id>.json}: valid values, one
 * invalid value with the Chinese message it must show, and per task (or start event) using
 * the form what the process needs to reach it. The text {@code ${caseNumber}} anywhere stands
 * for the case number of the test's own process instance.
 *
 * <pre>
 * { "valid":   { "field": value, ... },
 *   "invalid": { "field": "...", "value": ..., "message": "..." },
 *              // or, for a form where nothing can be wrong: "noInvalidValue": "why"
 *              // ${repeat:N:c} stands for the character c N times (over-long input)
 *   "uses": { "&lt;activity id&gt;": {
 *       "given": { variables the task (or its candidate group expression) needs },
 *       "registerCase": true,          // file the case in the registry (and start its clock) first
 *       "startBefore": "&lt;activity id&gt;", // where to start the instance (default: the task)
 *       "caseAt": "&lt;activity id&gt;",  // the case (enforcement-case, with given) stands there first
 *       "steps": [ { "task": "&lt;id&gt;", "variables": { } } ],  // completed through the API first
 *       "user": "&lt;login&gt;",            // who acts (default: leader of the first candidate group)
 *       "next": [ "&lt;activity id&gt;" ] } } }  // reached afterwards; [] = the process has ended
 * </pre>
 */
public record FormExample(Map<String, Object> valid, Invalid invalid, String noInvalidValue, Map<String, Use> uses) {

  public static final Path DIRECTORY = Path.of("forms", "examples");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REPEAT = Pattern.compile("\\$\\{repeat:(\\d+):(.)}");

  public record Invalid(String field, Object value, String message) {}

  /** {@code valid}: values of this use that replace the form's (e.g. a member of this task's team). */
  public record Use(Map<String, Object> given, boolean registerCase, String startBefore, String caseAt, List<Step> steps,
      String user, List<String> next, Map<String, Object> valid) {

    public Map<String, Object> given(String caseNumber) {
      return given == null ? Map.of() : substitute(given, caseNumber);
    }
  }

  public record Step(String task, Map<String, Object> variables) {}

  /** The example of a form; a form without one fails with the file it needs. */
  public static FormExample of(String formId) {
    Path file = DIRECTORY.resolve(formId + ".json");
    if (!Files.exists(file)) {
      throw new AssertionError("Form '" + formId + "' has no example data: add " + file
          + " (valid values, one invalid value with its message, and how to reach each task using it)");
    }
    try {
      FormExample example = JSON.readValue(Files.readString(file), FormExample.class);
      if (example.valid() == null || (example.invalid() == null) == (example.noInvalidValue() == null)) {
        throw new AssertionError(file + " needs \"valid\" and either \"invalid\" or \"noInvalidValue\"");
      }
      return example;
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  public Use use(FormUse use) {
    Use found = uses == null ? null : uses.get(use.activityId());
    if (found == null) {
      throw new AssertionError(DIRECTORY.resolve(use.formId() + ".json") + " does not say how to reach "
          + use.activityId() + " of " + use.process().getKey() + " (add it under \"uses\")");
    }
    return found;
  }

  public Map<String, Object> valid(String caseNumber) {
    return substitute(valid, caseNumber);
  }

  /** The valid values for one use: the form's, with the use's own replacing them. */
  public Map<String, Object> valid(Use how, String caseNumber) {
    Map<String, Object> values = new LinkedHashMap<>(valid(caseNumber));
    if (how.valid() != null) {
      values.putAll(substitute(how.valid(), caseNumber));
    }
    return values;
  }

  public Object invalidValue(String caseNumber) {
    return substitute(invalid.value(), caseNumber);
  }

  @SuppressWarnings("unchecked")
  public static <T> T substitute(T value, String caseNumber) {
    if (value instanceof String text) {
      Matcher repeat = REPEAT.matcher(text);
      if (repeat.matches()) {
        return (T) repeat.group(2).repeat(Integer.parseInt(repeat.group(1)));
      }
      return (T) text.replace("${caseNumber}", caseNumber);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, substitute(v, caseNumber)));
      return (T) copy;
    }
    if (value instanceof List<?> list) {
      return (T) list.stream().map(v -> substitute(v, caseNumber)).toList();
    }
    return value;
  }
}
