package cn.court.enforcement.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;

/**
 * The deployed form of a task or of a process's start, looked up as the current user (what
 * they cannot see stays unseen: the REST resource then refuses the request itself). Forms are
 * bound to their deployment, so a parsed form is kept per definition and activity.
 */
class DeployedForms {

  private final Map<String, FormSchema> parsed = new ConcurrentHashMap<>();

  /** The form of an open task the user may see; empty when there is no such task. */
  Optional<FormSchema> ofTask(ProcessEngine engine, String taskId) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessDefinitionId() == null) {
      return Optional.empty();
    }
    return Optional.of(parsed.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
        key -> read(() -> engine.getFormService().getDeployedTaskForm(taskId), task.getName())));
  }

  /** The start form of a definition (by id, or the latest by key); empty when there is none visible. */
  Optional<FormSchema> ofStart(ProcessEngine engine, String definitionId, String key, String tenantId) {
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
    if (definition == null) {
      return Optional.empty();
    }
    return Optional.of(parsed.computeIfAbsent(definition.getId() + "/start",
        id -> read(() -> engine.getFormService().getDeployedStartForm(definition.getId()), definition.getName())));
  }

  private interface Source {
    InputStream open();
  }

  private static FormSchema read(Source source, String name) {
    InputStream form;
    try {
      form = source.open();
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
