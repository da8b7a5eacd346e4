package cn.court.enforcement.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * A task's history row is finished without reading its start time back. Camunda's history handler
 * selects {@code START_TIME_} of ACT_HI_TASKINST before every update of a task's history row (to
 * compute the duration), once per completed task (21 statements per case); the running task
 * carries the same instant as its creation time, so the completion event takes its start time and
 * duration from there ({@link Producer}) and the handler writes it without the look-up
 * ({@link Handler}). The history row is the same; TaskStartFromTaskTest compares it. The producer
 * stays the engine's cache-aware one: an update of a row written in the same transaction (a
 * business key set by a start listener, a service task's end) must change the cached row.
 */
public class TaskStartFromTask extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventProducer(new Producer());
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(0, new Handler());
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  static class Producer extends CacheAwareHistoryEventProducer {
    @Override
    public HistoryEvent createTaskInstanceCompleteEvt(DelegateTask task, String deleteReason) {
      HistoricTaskInstanceEventEntity event = (HistoricTaskInstanceEventEntity) super.createTaskInstanceCompleteEvt(task, deleteReason);
      if (event.getStartTime() == null && task instanceof TaskEntity entity && entity.getCreateTime() != null
          && event.getEndTime() != null) {
        event.setStartTime(entity.getCreateTime());
        event.setDurationInMillis(event.getEndTime().getTime() - entity.getCreateTime().getTime());
      }
      return event;
    }
  }

  static class Handler extends DbHistoryEventHandler {
    @Override
    protected void insertOrUpdate(HistoryEvent event) {
      if (event instanceof HistoricTaskInstanceEventEntity task && task.getStartTime() != null && !isInitialEvent(event)
          && getDbEntityManager().getCachedEntity(event.getClass(), event.getId()) == null) {
        getDbEntityManager().merge(event);
      } else {
        super.insertOrUpdate(event);
      }
    }
  }
}
