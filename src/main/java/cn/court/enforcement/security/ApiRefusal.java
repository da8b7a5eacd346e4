package cn.court.enforcement.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** A refused request to the application's REST API: a status and a Chinese message as JSON. */
public class ApiRefusal extends RuntimeException {

  private final HttpStatus status;

  public ApiRefusal(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  @RestControllerAdvice
  public static class Handler {

    @ExceptionHandler(ApiRefusal.class)
    ResponseEntity<Map<String, Object>> refused(ApiRefusal refusal) {
      return body(refusal.status, refusal.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e) {
      return body(HttpStatus.BAD_REQUEST, "参数 " + e.getName() + " 的值无效：" + e.getValue());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
      return body(HttpStatus.BAD_REQUEST, "缺少参数 " + e.getParameterName() + "。");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable() {
      return body(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON，或其中的值类型不正确。");
    }

    /** An address under /api that no controller answers; pages keep Spring's own not-found handling. */
    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noSuchAddress(NoResourceFoundException e, HttpServletRequest request)
        throws NoResourceFoundException {
      if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
        throw e;
      }
      return body(HttpStatus.NOT_FOUND, "没有这个接口地址，请核对地址。");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> wrongMethod() {
      return body(HttpStatus.METHOD_NOT_ALLOWED, "不支持此请求方法。");
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
      return ResponseEntity.status(status).body(Map.of("status", status.value(), "message", message));
    }
  }
}
