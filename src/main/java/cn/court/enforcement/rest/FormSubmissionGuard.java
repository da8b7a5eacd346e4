package cn.court.enforcement.rest;

import cn.court.enforcement.casefile.FilingValidator;
import cn.court.enforcement.forms.DeployedForms;
import cn.court.enforcement.forms.FormSchema;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * Every way into a process or a task over HTTP carries exactly its deployed form: on task
 * completion ({@code complete}, {@code submit-form}, {@code resolve}) and process start
 * ({@code start}, {@code submit-form}) in {@code /engine-rest} and in the webapps' engine API
 * (Tasklist), a variable the form does not declare, or of the wrong kind, is refused with a
 * Chinese 400; what is submitted for a readonly or disabled field is ignored (the form only
 * shows the stored value, and Tasklist sends it back). Only administrators may start at an
 * inner activity, skip listeners, correlate messages or signals, or modify, migrate and
 * restart instances; staff claim tasks only for themselves. Bodies are limited in size and
 * JSON in depth. A task done meanwhile answers 409.
 */
@Priority(Priorities.USER)
public class FormSubmissionGuard implements ContainerRequestFilter, ContainerResponseFilter {

  static final int MAX_FORM_BODY = 1024 * 1024;
  static final long MAX_BODY = 20L * 1024 * 1024;
  static final int MAX_DEPTH = 32;

  private static final Pattern ENGINE = Pattern.compile("^/?(?:engine/([^/]+)/)?(.*?)/?$");
  private static final Pattern TASK = Pattern.compile("task/([^/]+)/(complete|submit-form|resolve)");
  private static final Pattern CLAIM = Pattern.compile("task/[^/]+/claim");
  private static final Pattern TASK_ACTION = Pattern.compile("task/([^/]+)/(complete|submit-form|resolve|claim)");
  private static final Pattern START = Pattern.compile(
      "process-definition/(?:key/([^/]+)(?:/tenant-id/([^/]+))?|([^/]+))/(start|submit-form)");
  private static final Pattern ADMIN_ONLY = Pattern.compile("message|signal|condition"
      + "|modification/execute(Async)?|migration/execute(Async)?"
      + "|process-instance/[^/]+/modification(-async)?|process-definition/.+/restart(-async)?");

  private static final Pattern AUTHORIZATION = Pattern.compile("authorization/(create|[^/]+)");

  private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build()).build();

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (request.getLength() > MAX_BODY) {
      throw tooLarge(MAX_BODY);
    }
    Matcher engine = ENGINE.matcher(request.getUriInfo().getPath());
    if (!engine.matches() || !List.of("POST", "PUT").contains(request.getMethod())) {
      return;
    }
    String path = engine.group(2);
    if (AUTHORIZATION.matcher(path).matches()) {
      refuseRevoke(request);
      return;
    }
    if (!"POST".equals(request.getMethod())) {
      return;
    }
    Matcher task = TASK.matcher(path);
    Matcher start = START.matcher(path);
    if (ADMIN_ONLY.matcher(path).matches()) {
      if (!isAdministrator(engine(engine.group(1)))) {
        throw RefusedRequest.forbidden("此操作仅限系统管理员：流程只能通过启动表单发起，任务只能通过办理表单完成。");
      }
    } else if (CLAIM.matcher(path).matches()) {
      ProcessEngine processEngine = engine(engine.group(1));
      ObjectNode body = body(request);
      Authentication current = processEngine.getIdentityService().getCurrentAuthentication();
      if (!isAdministrator(processEngine)
          && (current == null || !body.path("userId").asText("").equals(current.getUserId()))) {
        throw RefusedRequest.forbidden("只能为自己认领任务。");
      }
      replace(request, body);
    } else if (task.matches()) {
      ProcessEngine processEngine = engine(engine.group(1));
      ObjectNode body = body(request);
      DeployedForms.ofVisibleTask(processEngine, task.group(1)).ifPresent(form -> checkVariables(body, form));
      replace(request, body);
    } else if (start.matches()) {
      ProcessEngine processEngine = engine(engine.group(1));
      ObjectNode body = body(request);
      if (instantiatesElsewhere(body)) {
        if (!isAdministrator(processEngine)) {
          throw RefusedRequest.forbidden("流程只能从开始节点、通过启动表单发起：不能指定起始节点、跳过监听器或关联案例实例。");
        }
      } else {
        checkBusinessKey(body);
        DeployedForms.ofVisibleStart(processEngine, start.group(3), start.group(1), start.group(2))
            .ifPresent(form -> checkVariables(body, form));
      }
      replace(request, body);
    }
  }

  /**
   * The engine checks grants only ({@code authorization-check-revokes: never}, so it need not ask
   * the database in every command whether a revoke exists): a revoke would be silently ignored.
   */
  private void refuseRevoke(ContainerRequestContext request) throws IOException {
    ObjectNode body = body(request);
    if (body.path("type").asInt(-1) == Authorization.AUTH_TYPE_REVOKE) {
      throw RefusedRequest.badRequest("本系统只使用“授予”类授权，不使用“撤销”类授权：要收回权限，请删除或修改相应的授予授权。");
    }
    replace(request, body);
  }

  /**
   * Acting on a task that was completed meanwhile is a race lost (409), not an unknown id or a
   * missing permission: the engine only says the task is not there, history says it was done.
   */
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    // Gone (404), its grants gone with it (403) or its execution moved on (500) as the other committed.
    if (!List.of(403, 404, 500).contains(response.getStatus()) || !"POST".equals(request.getMethod())) {
      return;
    }
    Matcher engine = ENGINE.matcher(request.getUriInfo().getPath());
    Matcher task = engine.matches() ? TASK_ACTION.matcher(engine.group(2)) : null;
    if (task != null && task.matches() && finished(engine(engine.group(1)), task.group(1))) {
      response.setStatus(409);
      response.setEntity(Map.of("type", "RefusedRequest", "message", "该任务已办结（可能刚由他人完成），不能再次办理。"),
          new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
    }
  }

  private static boolean finished(ProcessEngine engine, String taskId) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> context.runWithoutAuthorization(() -> engine.getHistoryService()
            .createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0));
  }

  private static boolean instantiatesElsewhere(JsonNode body) {
    JsonNode instructions = body.path("startInstructions");
    return instructions.isArray() && !instructions.isEmpty()
        || body.path("skipCustomListeners").asBoolean(false)
        || body.path("skipIoMappings").asBoolean(false)
        || !body.path("caseInstanceId").isMissingNode() && !body.path("caseInstanceId").isNull();
  }

  /** A business key (Tasklist's start dialog lets one be typed) is a case number or nothing. */
  private static void checkBusinessKey(JsonNode body) {
    JsonNode key = body.path("businessKey");
    if (key.isMissingNode() || key.isNull() || key.isTextual() && key.asText().isEmpty()) {
      return;
    }
    if (!key.isTextual() || !FilingValidator.CASE_NUMBER_FORMAT.matcher(key.asText()).matches()) {
      throw RefusedRequest.badRequest("业务标识应为案号，格式如（2026）豫0000执1234号。");
    }
  }

  /** Drops what readonly fields say and refuses undeclared or ill-typed variables, naming each. */
  private static void checkVariables(ObjectNode body, FormSchema form) {
    JsonNode variables = body.path("variables");
    if (variables.isMissingNode() || variables.isNull()) {
      return;
    }
    if (!variables.isObject()) {
      throw RefusedRequest.badRequest("提交的表单数据格式不正确：variables 应为对象。");
    }
    List<String> problems = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      FormSchema.Field field = form.fields().get(variable.getKey());
      if (field == null) {
        problems.add("表单中没有「" + shorten(variable.getKey()) + "」这一项");
      } else if (field.shown()) {
        it.remove();
      } else if (!variable.getValue().isObject()) {
        problems.add(field.label() + "的格式不正确");
      } else {
        field.problem(variable.getValue()).ifPresent(problems::add);
      }
    }
    if (!problems.isEmpty()) {
      throw RefusedRequest.badRequest("提交的表单数据有误：" + String.join("；", problems));
    }
  }

  private static ObjectNode body(ContainerRequestContext request) throws IOException {
    byte[] bytes;
    try (InputStream in = request.getEntityStream()) {
      bytes = in.readNBytes(MAX_FORM_BODY + 1);
    }
    if (bytes.length > MAX_FORM_BODY) {
      throw tooLarge(MAX_FORM_BODY);
    }
    if (bytes.length == 0) {
      return JSON.createObjectNode();
    }
    JsonNode body;
    try {
      body = JSON.readTree(bytes);
    } catch (IOException e) {
      throw RefusedRequest.badRequest("请求内容不是有效的 JSON（或嵌套超过 " + MAX_DEPTH + " 层）。");
    }
    if (!(body instanceof ObjectNode object)) {
      throw RefusedRequest.badRequest("请求内容应为 JSON 对象。");
    }
    return object;
  }

  private static void replace(ContainerRequestContext request, ObjectNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    request.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, String.valueOf(bytes.length));
    request.setEntityStream(new ByteArrayInputStream(bytes));
  }

  private static ProcessEngine engine(String name) {
    return EngineUtil.lookupProcessEngine(name);
  }

  private static boolean isAdministrator(ProcessEngine engine) {
    Authentication current = engine.getIdentityService().getCurrentAuthentication();
    return current != null && Optional.ofNullable(current.getGroupIds()).orElse(List.of()).contains(Groups.CAMUNDA_ADMIN);
  }

  private static RefusedRequest tooLarge(long limit) {
    return new RefusedRequest(413, "请求内容过大（上限 " + limit / 1024 / 1024 + " MB）。");
  }

  private static String shorten(String text) {
    return text.length() > 50 ? text.substring(0, 50) + "…" : text;
  }
}
