package cn.court.enforcement.entrusted;

import static cn.court.enforcement.entrusted.EntrustedVariables.MATTER_ID;

import cn.court.enforcement.calendar.Deadlines;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The term of an entrusted matter from another court: 30 days from receipt (row
 * {@value #LIMIT} of the time-limit table, 《最高人民法院关于严格执行案件审理期限制度的若干规定》第五条第二款),
 * or the entrusting court's own earlier date. From BPMN: the handling task's due date and the timer
 * that opens the status letter, {@code ${entrustedTerm.due(execution)}}.
 */
@Component("entrustedTerm")
public class EntrustedTerm {

  static final String LIMIT = "entrusted-matter";

  private final Deadlines deadlines;
  private final EntrustedMatters matters;

  public EntrustedTerm(Deadlines deadlines, EntrustedMatters matters) {
    this.deadlines = deadlines;
    this.matters = matters;
  }

  /** The last day of the term of a matter received on {@code receivedOn}. */
  LocalDate lastDay(LocalDate receivedOn, LocalDate requestedBy) {
    LocalDate statutory = deadlines.limit(LIMIT).lastDay(receivedOn, deadlines.calendar());
    return requestedBy != null && requestedBy.isBefore(statutory) ? requestedBy : statutory;
  }

  /** The end of the last day of the term of the scope's matter, as registered. */
  public Date due(VariableScope scope) {
    long id = ((Number) scope.getVariable(MATTER_ID)).longValue();
    return deadlines.endOf(matters.matter(id).dueOn());
  }
}
