package cn.court.enforcement.escalation;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused request of this feature's REST API: status plus a Chinese message as JSON. */
public class ApiRefusal extends RuntimeException {

  private final HttpStatus status;

  public ApiRefusal(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  @RestControllerAdvice(assignableTypes = {NotificationController.class, OverdueReportController.class})
  static class Handler {

    @ExceptionHandler(ApiRefusal.class)
    ResponseEntity<Map<String, String>> refused(ApiRefusal refusal) {
      return ResponseEntity.status(refusal.status).body(Map.of("message", refusal.getMessage()));
    }
  }
}
