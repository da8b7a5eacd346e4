package cn.court.enforcement.rest;

import cn.court.enforcement.casefile.InvalidCaseDataException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error of the engine's REST API and the webapps' APIs answers with a status that says
 * whose fault it is and a Chinese message alone, never the engine's English text or a stack
 * trace: refused input 400, not allowed 403, unknown ids 404, races (a task claimed or a case
 * changed by someone else meanwhile) 409, too large 413; only a real server fault is a 500,
 * logged with its cause. Our own refusals ({@link RefusedRequest}, {@link InvalidCaseDataException})
 * keep their message, wherever in the cause chain the engine wrapped them.
 *
 * <p>Camunda registers a mapper for each of these exception types; ours, one per type with a
 * higher priority, replace them (Jersey picks the closest type, then the priority).
 */
public final class ChineseErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ChineseErrors.class);
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  record Answer(int status, String type, String message) {}

  private ChineseErrors() {
  }

  static Response response(Throwable thrown) {
    Answer answer = answer(thrown);
    if (answer.status() >= 500) {
      LOG.error("请求处理失败（{}）", answer.status(), thrown);
    } else {
      // The caller's mistake, not the server's: one line, no stack trace.
      LOG.warn("请求被拒绝（{}）：{}", answer.status(), answer.message());
    }
    return Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", answer.type(), "message", answer.message())).build();
  }

  static Answer answer(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof RefusedRequest refused) {
        return new Answer(refused.status(), "RefusedRequest", refused.getMessage());
      }
      if (t instanceof InvalidCaseDataException invalid) {
        return new Answer(400, "InvalidCaseDataException", invalid.getMessage());
      }
      if (t instanceof TaskAlreadyClaimedException) {
        return new Answer(409, "TaskAlreadyClaimedException", "该任务已被他人认领，请刷新任务列表。");
      }
      if (t instanceof OptimisticLockingException) {
        return new Answer(409, "OptimisticLockingException", "该案件或任务刚被他人同时办理，本次提交未生效，请刷新后重试。");
      }
      if (t instanceof AuthorizationException) {
        return new Answer(403, "AuthorizationException", "您无权执行此操作。");
      }
      if (t instanceof NotFoundException || t instanceof NullValueException
          && (String.valueOf(t.getMessage()).startsWith("Cannot find") || String.valueOf(t.getMessage()).contains("doesn't exist"))) {
        // The engine says "Cannot find task with id …" through a NullValueException on claim, and
        // "execution … doesn't exist" on the variables of an unknown process instance.
        return new Answer(404, "NotFoundException", notFound(t));
      }
      if (t instanceof SuspendedEntityInteractionException) {
        return new Answer(409, "SuspendedEntityInteractionException", "该案件的流程已暂停，暂时不能办理。");
      }
      if (t instanceof JsonProcessingException) {
        return new Answer(400, "InvalidRequestException", "请求内容不是有效的 JSON，或其中的值类型不正确。");
      }
    }
    int status = ExceptionHandlerHelper.getInstance().getStatus(thrown).getStatusCode();
    String type = thrown instanceof RestException || thrown instanceof ProcessEngineException
        || thrown instanceof WebApplicationException ? thrown.getClass().getSimpleName() : "ServerError";
    return new Answer(status, type, message(status, thrown));
  }

  private static String message(int status, Throwable thrown) {
    return switch (status) {
      case 400 -> ownMessage(thrown, "请求无效：参数或提交的数据不符合要求。");
      case 401 -> "请先登录。";
      case 403 -> "您无权执行此操作。";
      case 404 -> notFound(thrown);
      case 405 -> "不支持此请求方法。";
      case 406, 415 -> "不支持此请求或响应的格式。";
      case 409 -> "数据已被他人修改，请刷新后重试。";
      case 413 -> "请求内容过大。";
      default -> status < 500 ? "请求无效（" + status + "）。" : "服务器内部错误，请稍后重试；问题持续时请联系系统管理员。";
    };
  }

  /** Refusals written by this application's code are already Chinese; the engine's are English. */
  private static String ownMessage(Throwable thrown, String fallback) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t.getMessage() != null && CHINESE.matcher(t.getMessage()).find()) {
        return t.getMessage();
      }
    }
    return fallback;
  }

  /** The engine's English names what is missing; a task gone is the common case in Tasklist. */
  private static String notFound(Throwable thrown) {
    return String.valueOf(thrown.getMessage()).toLowerCase(Locale.ROOT).contains("task")
        ? "该任务已不存在（可能已由他人办结），或您无权查看。"
        : "未找到所请求的流程或记录（可能已办结、已删除或编号有误）。";
  }

  /** Registered for Camunda's {@code ExceptionHandler} (every other error). */
  @Priority(1)
  public static class ForThrowable implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable exception) {
      return response(exception);
    }
  }

  @Priority(1)
  public static class ForEngine implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return response(exception);
    }
  }

  @Priority(1)
  public static class ForRest implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return response(exception);
    }
  }

  /** Jackson's limits (e.g. nesting depth) and other JSON errors. */
  @Priority(1)
  public static class ForJson implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException exception) {
      return response(exception);
    }
  }

  @Priority(1)
  public static class ForJsonParse implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException exception) {
      return response(exception);
    }
  }

  @Priority(1)
  public static class ForJsonMapping implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException exception) {
      return response(exception);
    }
  }
}
