package cn.court.enforcement.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;

/**
 * The deployed form of a task or of a process's start, parsed once: forms are bound to their
 * deployment ({@code formRefBinding="deployment"}), so a definition's activity always shows the
 * same form. Shared by the HTTP guard (which looks up as the current user, so what they cannot
 * see stays unseen) and the engine's completion rules.
 */
public final class DeployedForms {

  private static final Map<String, FormSchema> PARSED = new ConcurrentHashMap<>();

  private DeployedForms() {
  }

  /** The form of a task of {@code activityId}, read from {@code source} the first time. */
  public static FormSchema ofTask(String definitionId, String activityId, Supplier<InputStream> source, String name) {
    return PARSED.computeIfAbsent(definitionId + "/" + activityId, key -> read(source, name));
  }

  /** The start form of a definition; {@link FormSchema#fields()} is empty when it has none. */
  public static FormSchema ofStart(FormService forms, String definitionId, String name) {
    return PARSED.computeIfAbsent(definitionId + "/start", key -> read(() -> forms.getDeployedStartForm(definitionId), name));
  }

  /** The form of an open task the current user may see; empty when there is no such task. */
  public static Optional<FormSchema> ofVisibleTask(ProcessEngine engine, String taskId) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessDefinitionId() == null) {
      return Optional.empty();
    }
    return Optional.of(ofTask(task.getProcessDefinitionId(), task.getTaskDefinitionKey(),
        () -> engine.getFormService().getDeployedTaskForm(taskId), task.getName()));
  }

  /** The start form of a definition (by id, or the latest by key) the current user may see. */
  public static Optional<FormSchema> ofVisibleStart(ProcessEngine engine, String definitionId, String key, String tenantId) {
    ProcessDefinitionQuery query = engine.getRepositoryService().createProcessDefinitionQuery();
    if (definitionId != null) {
      query.processDefinitionId(definitionId);
    } else {
      query.processDefinitionKey(key).latestVersion();
      if (tenantId != null) {
        query.tenantIdIn(tenantId);
      } else {
        query.withoutTenantId();
      }
    }
    ProcessDefinition definition = query.singleResult();
    return definition == null ? Optional.empty()
        : Optional.of(ofStart(engine.getFormService(), definition.getId(), definition.getName()));
  }

  private static FormSchema read(Supplier<InputStream> source, String name) {
    InputStream form;
    try {
      form = source.get();
    } catch (BadUserRequestException noForm) {
      // No Camunda Form on this task or start event: nothing may be submitted to it.
      return FormSchema.none(name);
    }
    try (form) {
      return FormSchema.parse(form);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
