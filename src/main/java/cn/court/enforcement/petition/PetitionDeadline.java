package cn.court.enforcement.petition;

import cn.court.enforcement.calendar.Deadlines;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A matter handed down with a date by which the body wants it done (a higher court's 督办函:
 * 法发〔2006〕11号, "在规定的期限内"): the reply and close-off are due by that date when it comes before
 * the table's limit. Runs after the table's own create listener.
 */
@Component("petitionDeadline")
public class PetitionDeadline implements TaskListener {

  private final Deadlines deadlines;

  public PetitionDeadline(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    Object given = task.getVariable(PetitionVariables.DEADLINE_GIVEN);
    if (given == null || given.toString().isBlank()) {
      return;
    }
    Date end = deadlines.endOf(deadlines.toDate(given, PetitionVariables.DEADLINE_GIVEN));
    if (task.getDueDate() == null || end.before(task.getDueDate())) {
      task.setDueDate(end);
    }
  }
}
