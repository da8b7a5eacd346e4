package cn.court.enforcement.termination;

import static cn.court.enforcement.termination.ResumptionVariables.*;

import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.CaseRegistry.PropertyItem;
import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.PartyVariables;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * After an approved resumption: files the resumed case (执恢) as any case is filed — a new
 * {@code enforcement-case} from its start event, whose {@code registerCase} checks and registers the
 * filing, so it begins with intake (SPEC §2) — on the old case's enforcement basis and parties, for the
 * unpaid amount the 终本 ruling stated; copies the old case's property items; links both ways (table
 * {@code case_resumption}, variables {@code resumedFrom} / {@code resumedAs}, business keys the case
 * numbers); and ends the old case's follow-up.
 *
 * <p>Idempotent: the old case's row is locked first, so of two requests approved at once the second
 * waits, finds the first's new case and starts none.
 */
@Component("fileResumedCase")
public class ResumptionFiling implements JavaDelegate {

  private final ResumptionRegistry resumptions;
  private final ResumedCaseNumbers numbers;
  private final CaseRegistry cases;

  public ResumptionFiling(ResumptionRegistry resumptions, ResumedCaseNumbers numbers, CaseRegistry cases) {
    this.resumptions = resumptions;
    this.numbers = numbers;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String original = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
    resumptions.lockOriginal(original);
    Optional<String> existing = resumptions.resumedAs(original);
    execution.setVariable(ALREADY_RESUMED, existing.isPresent());
    if (existing.isPresent()) {
      execution.setVariable(RESUMED_AS, existing.get());
      return;
    }
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
    String number = numbers.next(today.getYear());
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    Map<String, Object> filing = filing(original, number, today, execution);
    ProcessInstance resumed = Context.getCommandContext().runWithoutAuthorization(
        () -> runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, number, filing));
    copyPropertyItems(original, number);
    resumptions.link(original, number, (String) execution.getVariable(TRIGGER),
        (String) execution.getVariable(APPROVER));
    execution.setVariable(RESUMED_AS, number);
    execution.setVariable("resumedCaseInstanceId", resumed.getId());
    Context.getCommandContext().runWithoutAuthorization(() -> linkOldCase(runtime, original, number));
  }

  /** The old case (while its instance still runs) names the new one; its follow-up ends. */
  private static List<MessageCorrelationResult> linkOldCase(RuntimeService runtime, String original, String number) {
    for (ProcessInstance old : runtime.createProcessInstanceQuery().processInstanceBusinessKey(original)
        .processDefinitionKey(CaseVariables.PROCESS_KEY).active().list()) {
      runtime.setVariable(old.getId(), RESUMED_AS, number);
    }
    return runtime.createMessageCorrelation(CASE_RESUMED).processInstanceBusinessKey(original)
        .setVariable(RESUMED_AS, number).correlateAllWithResult();
  }

  /** The start variables of the resumed case, as form case-filing sends them. */
  private Map<String, Object> filing(String original, String number, LocalDate today, DelegateExecution execution) {
    ResumptionRegistry.Basis basis = resumptions.basis(original);
    Map<String, Object> filing = new HashMap<>(PartyVariables.formData(cases.parties(original)));
    filing.put(CaseVariables.CASE_NUMBER, number);
    filing.put(CaseVariables.FILING_DATE, today.toString());
    filing.put(CaseVariables.CASE_KIND, basis.caseKind());
    filing.put(CaseVariables.NON_LITIGATION, basis.nonLitigation());
    // As the filing form's number field sends it; Double.toString gives back the same decimal for an
    // amount to the fen, which the case registry stores as DECIMAL(18, 2).
    filing.put(CaseVariables.AMOUNT_CLAIMED, Double.valueOf((String) execution.getVariable(UNPAID_AMOUNT)));
    filing.put(CaseVariables.BASIS_DOCUMENT_NUMBER, basis.documentNumber());
    filing.put(CaseVariables.BASIS_COURT, basis.court());
    filing.put(CaseVariables.BASIS_TYPE, basis.type());
    filing.put(CaseVariables.PROPERTY_CLUES, execution.getVariable(REASON));
    filing.put(RESUMED_FROM, original);
    return filing;
  }

  /** The old case's property items, each under the same respondent (by ID number) of the new case. */
  private void copyPropertyItems(String original, String number) {
    Map<Long, String> oldIdNumbers = new HashMap<>();
    cases.respondents(original).forEach(p -> oldIdNumbers.put(p.id(), p.party().idNumber()));
    Map<String, Long> newIds = new HashMap<>();
    cases.respondents(number).forEach(p -> newIds.put(p.party().idNumber(), p.id()));
    List<PropertyItem> items = cases.propertyItems(original);
    for (PropertyItem item : items) {
      Long respondent = item.respondentId() == null ? null : newIds.get(oldIdNumbers.get(item.respondentId()));
      cases.addPropertyItem(number, new PropertyItem(null, respondent, item.kind(), item.holderInstitution(),
          item.value(), item.controlled(), item.needsOfflineAction(), item.remarks(), null));
    }
  }
}
