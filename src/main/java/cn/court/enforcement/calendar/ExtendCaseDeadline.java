package cn.court.enforcement.calendar;

import cn.court.enforcement.casefile.CaseRegistry;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies an approved extension to the case clock; leaves {@code newDeadline}. Two requests of
 * one case may be open at once, so the rule is checked again here, in the transaction that
 * applies it, with the case's clock row locked: a second approval waits for the first to commit
 * and then sees it. The president extends a case once; an extension approved as the first while
 * another was applied meanwhile is refused ({@value #REFUSED}, with the reason), never silently
 * allowed — it must be asked for again as a further extension, which is reported to the higher
 * court (《最高人民法院关于严格执行案件审理期限制度的若干规定》第五条) and recorded in the case's measures.
 */
@Component("extendCaseDeadline")
public class ExtendCaseDeadline implements JavaDelegate {

  /** Error code caught by the boundary event of Task_ExtendDeadline. */
  public static final String REFUSED = "EXTENSION_REFUSED";
  public static final String REPORTED_MEASURE = "extension-reported-to-higher-court";

  private final CaseClock clock;
  private final CaseRegistry registry;
  private final Deadlines deadlines;

  public ExtendCaseDeadline(CaseClock clock, CaseRegistry registry, Deadlines deadlines) {
    this.clock = clock;
    this.registry = registry;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    int months = ((Number) execution.getVariable("requestedMonths")).intValue();
    boolean further = Boolean.TRUE.equals(execution.getVariable(CheckExtensionRequest.FURTHER_EXTENSION));
    CaseTerm term = clock.termForUpdate(caseNumber);
    if (term.extended() && !further) {
      throw new BpmnError(REFUSED, "案件 " + caseNumber + " 的执行期限已由另一申请延长 " + term.extensionMonths()
          + " 个月，院长批准的延长以一次为限；本申请未予延长。如需再次延长，请重新申请，经批准后层报高级人民法院备案"
          + "（《最高人民法院关于严格执行案件审理期限制度的若干规定》第五条）。");
    }
    LocalDate newDeadline = clock.extend(caseNumber, months, execution.getProcessInstanceId());
    if (further) {
      registry.recordMeasure(caseNumber, REPORTED_MEASURE,
          deadlines.toDate(execution.getVariable("reportedOn"), "reportedOn"),
          "再次延长执行期限 " + months + " 个月（至 " + newDeadline + "），已层报高级人民法院备案，报告文号 "
              + execution.getVariable("reportNumber"), null);
    }
    execution.setVariable("newDeadline", newDeadline.toString());
  }
}
