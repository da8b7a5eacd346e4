package cn.court.enforcement.engine;

import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.IDENTITY_LINK_ADD;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.IDENTITY_LINK_DELETE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.TASK_INSTANCE_UPDATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * History level {@code court}: what a court's record needs and nothing it pays for twice.
 * Kept: process, activity and task instances (start and end), each variable's last value
 * (historic variable instances, so a finished case still shows what it ended with), the form
 * fields each person submitted ({@link HistoricDetail} of type form field), the user-operation
 * log (who claimed, assigned, completed, changed), incidents, jobs, decisions, batches.
 * Left out: a detail row for every change of every variable (the submitted form fields already
 * hold what people entered), candidate and assignee links (the operation log records claims and
 * assignments), the intermediate
 * updates of running task and activity instances (their end event writes the final row), and the
 * counters of a multi-instance activity ({@code loopCounter}, {@code nrOfInstances} …: the engine's
 * bookkeeping, read and written at every instance; the activity history holds each instance).
 * docs/decisions.md gives the statements saved per case.
 */
public class CourtHistoryLevel extends AbstractHistoryLevel {

  public static final String NAME = "court";
  /** Any id Camunda does not use (0–3); stored in ACT_GE_PROPERTY {@code historyLevel}. */
  public static final int ID = 30;

  private static final Set<HistoryEventType> LEFT_OUT = Set.of(
      VARIABLE_INSTANCE_UPDATE_DETAIL,
      IDENTITY_LINK_ADD, IDENTITY_LINK_DELETE,
      TASK_INSTANCE_UPDATE, ACTIVITY_INSTANCE_UPDATE);
  /** The variables a multi-instance activity keeps for itself (Camunda's names). */
  private static final Set<String> MULTI_INSTANCE_COUNTERS = Set.of(
      "loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances");

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    return !LEFT_OUT.contains(eventType)
        && !(entity instanceof VariableInstanceEntity variable && MULTI_INSTANCE_COUNTERS.contains(variable.getName()));
  }
}
