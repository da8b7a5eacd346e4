package cn.court.enforcement.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * A refusal answered by a servlet filter, before Camunda's REST API is reached: Camunda's error
 * shape ({@code type}, {@code message}) with a Chinese message.
 */
final class JsonRefusal {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonRefusal() {}

  static void send(HttpServletResponse response, int status, String type, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    JSON.writeValue(response.getOutputStream(), Map.of("type", type, "message", message));
  }
}
