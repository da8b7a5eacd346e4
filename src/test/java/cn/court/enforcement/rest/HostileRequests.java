package cn.court.enforcement.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

/** What every refusal must look like. */
final class HostileRequests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  /** Engine text that must never reach a user: exception names, English error phrases, codes. */
  private static final Pattern ENGINE_TEXT = Pattern.compile(
      "Exception|ENGINE-|DMN-|Cannot |cannot |No matching|not found|null|SQL|\\bat [a-z]+\\.");

  private HostileRequests() {
  }

  /** A refusal with the given status class and a Chinese message without any engine text. */
  static String assertRefused(HttpResponse<String> response, int... statuses) {
    return assertRefused(response, null, statuses);
  }

  /**
   * The same, for a refusal that may quote what the caller sent ({@code quoted}, e.g. a case
   * number typed as "null"): the caller's own text is not engine text.
   */
  static String assertRefused(HttpResponse<String> response, String quoted, int... statuses) {
    assertThat(response.statusCode()).as(response.body()).isIn(box(statuses));
    String message = message(response);
    assertThat(message).as("message of %s", response.body()).containsPattern(CHINESE);
    String own = quoted == null || quoted.isBlank() ? message : message.replace(quoted.strip(), "");
    assertThat(ENGINE_TEXT.matcher(own).find()).as("engine text in «%s»", message).isFalse();
    return message;
  }

  static String message(HttpResponse<String> response) {
    try {
      JsonNode body = JSON.readTree(response.body());
      return body.path("message").asText("");
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  private static Integer[] box(int... values) {
    Integer[] boxed = new Integer[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return boxed;
  }
}
