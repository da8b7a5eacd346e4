package cn.court.enforcement.disclosure;

import cn.court.enforcement.security.ApiRefusal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public disclosure query (执行公开), no login: {@code POST /public/api/disclosure} with
 * {@code {"caseNumber": "…", "queryCode": "…"}}. Outside {@code /api}, which is for staff only.
 * A wrong code and an unknown case number get the same 404 with the same body (and cost the
 * same hashing); repeated failures are slowed and then refused with 429 ({@link DisclosureThrottle}).
 */
@RestController
@RequestMapping("/public/api/disclosure")
public class DisclosureController {

  static final String NOT_FOUND = "案号或查询码不正确。请核对受理通知书上的案号和查询码后重试。";
  private static final int MAX_CASE_NUMBER = 64;
  private static final int MAX_CODE = 32;

  private final CaseDisclosure disclosure;
  private final DisclosureThrottle throttle;

  public DisclosureController(CaseDisclosure disclosure, DisclosureThrottle throttle) {
    this.disclosure = disclosure;
    this.throttle = throttle;
  }

  /** What the applicant types in. */
  public record Query(String caseNumber, String queryCode) {}

  @PostMapping
  public ResponseEntity<?> disclose(@RequestBody Query query, HttpServletRequest request) {
    String caseNumber = query.caseNumber() == null ? "" : query.caseNumber().strip();
    String code = query.queryCode() == null ? "" : QueryCodes.normalised(query.queryCode());
    if (caseNumber.isEmpty() || code.isEmpty()) {
      throw new ApiRefusal(HttpStatus.BAD_REQUEST, "请填写案号和查询码。");
    }
    if (caseNumber.length() > MAX_CASE_NUMBER || code.length() > MAX_CODE) {
      throw new ApiRefusal(HttpStatus.BAD_REQUEST, "案号或查询码过长，请核对后重试。");
    }
    // The connection's address, or X-Forwarded-For from a reverse proxy on this host (application.yml).
    String address = request.getRemoteAddr();
    Duration wait = throttle.waitFor(address, caseNumber);
    if (!wait.isZero()) {
      long seconds = (wait.toMillis() + 999) / 1000;
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
          .body(body(HttpStatus.TOO_MANY_REQUESTS, "查询失败次数过多，请 " + seconds + " 秒后再试。"));
    }
    return disclosure.disclose(caseNumber, code).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> {
      throttle.failed(address, caseNumber);
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body(HttpStatus.NOT_FOUND, NOT_FOUND));
    });
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable() {
    return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, "请求格式不正确：请以 JSON 提交案号和查询码。"));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> notJson() {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .body(body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请求格式不正确：请以 JSON（application/json）提交。"));
  }

  /** The shape of every refusal of the application's REST API ({@link ApiRefusal}). */
  private static Map<String, Object> body(HttpStatus status, String message) {
    return Map.of("status", status.value(), "message", message);
  }
}
