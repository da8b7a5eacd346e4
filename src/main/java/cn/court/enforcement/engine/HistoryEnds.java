package cn.court.enforcement.engine;

import static cn.court.enforcement.engine.MapperPatches.replaceOnce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * History rows of tasks, activities and process instances are finished without reading their start
 * time back. Before every update of such a row written in an earlier transaction, Camunda's history
 * handler selects its {@code START_TIME_}, only to compute the duration (one statement per task,
 * activity and process instance that ends: about 55 per case).
 *
 * <ul>
 *   <li>A task: the running task carries the same instant as its creation time, so the completion
 *       event takes its start time and duration from there ({@link Producer}).
 *   <li>An activity or a process instance: its execution does not carry its start time, so the
 *       database computes the duration from the row's own {@code START_TIME_} in the update
 *       ({@link #patches}; H2 and PostgreSQL, the databases the court runs on; on any other the
 *       handler reads the start time as Camunda does).
 * </ul>
 *
 * The handler then writes the row without the look-up ({@link Handler}); the stored row is the same
 * (HistoryEndsTest compares it). The producer stays the engine's cache-aware one: an update of a row
 * written in the same transaction (a business key set by a start listener, a service task's end) must
 * change the cached row, and such a row has its start time.
 */
public class HistoryEnds extends AbstractProcessEnginePlugin {

  static final String ACTIVITY_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/HistoricActivityInstance.xml";
  static final String PROCESS_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/HistoricProcessInstance.xml";
  private static final Pattern DURATION = Pattern.compile(Pattern.quote("DURATION_ = #{durationInMillis, jdbcType=BIGINT}"));
  /** The duration when the event does not know it (no start time): end minus the row's start, in milliseconds. */
  private static final String DURATION_FROM_ROW = "DURATION_ = <choose>"
      + "<when test=\"durationInMillis != null\">#{durationInMillis, jdbcType=BIGINT}</when>"
      + "<when test=\"@org.camunda.bpm.engine.impl.context.Context@getProcessEngineConfiguration().databaseType == 'h2'\">"
      + "DATEDIFF(MILLISECOND, START_TIME_, CAST(#{endTime, jdbcType=TIMESTAMP} AS TIMESTAMP))</when>"
      + "<when test=\"@org.camunda.bpm.engine.impl.context.Context@getProcessEngineConfiguration().databaseType == 'postgres'\">"
      + "CAST(ROUND(EXTRACT(EPOCH FROM (CAST(#{endTime, jdbcType=TIMESTAMP} AS TIMESTAMP) - START_TIME_)) * 1000) AS BIGINT)</when>"
      + "<otherwise>#{durationInMillis, jdbcType=BIGINT}</otherwise></choose>";
  private static final Set<String> DURATION_IN_DATABASE = Set.of("h2", "postgres");

  /** The patches of Camunda's activity and process-instance history mappings, for {@link MapperPatches}. */
  static Map<String, UnaryOperator<String>> patches() {
    UnaryOperator<String> patch = xml -> replaceOnce(DURATION, xml, DURATION_FROM_ROW);
    return Map.of(ACTIVITY_MAPPING, patch, PROCESS_MAPPING, patch);
  }

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
      if (!isInitialEvent(event) && getDbEntityManager().getCachedEntity(event.getClass(), event.getId()) == null
          && (startKnown(event) || durationInDatabase(event))) {
        getDbEntityManager().merge(event);
      } else {
        super.insertOrUpdate(event);
      }
    }

    private static boolean startKnown(HistoryEvent event) {
      return event instanceof HistoricTaskInstanceEventEntity task && task.getStartTime() != null;
    }

    private static boolean durationInDatabase(HistoryEvent event) {
      return (event instanceof HistoricActivityInstanceEventEntity || event instanceof HistoricProcessInstanceEventEntity)
          && DURATION_IN_DATABASE.contains(Context.getProcessEngineConfiguration().getDatabaseType());
    }
  }
}
