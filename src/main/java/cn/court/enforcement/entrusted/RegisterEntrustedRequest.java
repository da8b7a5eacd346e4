package cn.court.enforcement.entrusted;

import static cn.court.enforcement.entrusted.EntrustedVariables.*;

import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.FormCheck;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of 收到委托事项 (start form entrusted-request): registers a request of another court
 * received over the command platform, its business key the entrusting court's case number, and
 * fixes its term ({@link EntrustedTerm}). A refusal starts nothing (Chinese 400).
 */
@Component("registerEntrustedRequest")
public class RegisterEntrustedRequest implements ExecutionListener {

  private final EntrustedMatters matters;
  private final EntrustedTerm term;

  public RegisterEntrustedRequest(EntrustedMatters matters, EntrustedTerm term) {
    this.matters = matters;
    this.term = term;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    String caseNumber = check.text(CaseVariables.CASE_NUMBER, "委托法院案号");
    String court = check.text(ENTRUSTING_COURT, "委托法院");
    String kind = check.oneOf(MATTER_KIND, "委托事项种类", KINDS.keySet());
    String matter = check.text(MATTER, "委托事项");
    String documents = check.text(DOCUMENTS, "随函材料");
    LocalDate receivedOn = check.date(RECEIVED_ON, "收到委托日期");
    LocalDate requestedBy = requestedBy(check);
    check.require(receivedOn == null || requestedBy == null || !requestedBy.isBefore(receivedOn),
        "委托法院要求完成日期不能早于收到委托日期");
    check.throwIfInvalid("无法登记委托事项");
    LocalDate due = term.lastDay(receivedOn, requestedBy);
    execution.setProcessBusinessKey(caseNumber);
    execution.setVariable(MATTER_SOURCE, SOURCE_COURT);
    long id = matters.register(execution.getProcessInstanceId(), new EntrustedMatters.NewMatter(SOURCE_COURT,
        caseNumber, court, kind, matter, documents, null, receivedOn, requestedBy, due));
    execution.setVariable(MATTER_ID, id);
    execution.setVariable(MATTER_SUMMARY, """
        委托法院：%s，案号 %s
        委托事项：%s｜%s
        随函材料：%s
        %s 收到，应于 %s 前办结%s""".formatted(court, caseNumber, KINDS.get(kind), matter, documents, receivedOn, due,
        due.equals(requestedBy) ? "（委托法院要求的日期）" : "（收到委托后三十日）"));
  }

  /** The entrusting court's own date: optional and, unlike the form's other dates, in the future. */
  private static LocalDate requestedBy(FormCheck check) {
    String text = check.optionalText(REQUESTED_BY);
    try {
      return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      check.require(false, "委托法院要求完成日期不是有效的日期（格式：yyyy-MM-dd）");
      return null;
    }
  }
}
