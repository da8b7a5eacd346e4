package cn.court.enforcement.calendar;

import cn.court.enforcement.escalation.Notification;
import cn.court.enforcement.escalation.Notifier;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells whoever asked for the extension how it was decided, and why it was not applied. */
@Component("notifyExtensionOutcome")
public class NotifyExtensionOutcome implements JavaDelegate {

  /** The reason {@link ExtendCaseDeadline} refused an approved extension (errorMessageVariable). */
  public static final String REFUSAL = "extensionRefusal";

  private final Notifier notifier;

  public NotifyExtensionOutcome(Notifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object requester = execution.getVariable("requester");
    if (requester == null) {
      return;
    }
    String caseNumber = execution.getProcessBusinessKey();
    Object newDeadline = execution.getVariable("newDeadline");
    Object refusal = execution.getVariable(REFUSAL);
    String body;
    if (newDeadline != null) {
      body = "案件 " + caseNumber + " 的执行期限已延长至 " + newDeadline + "。";
    } else if (refusal != null) {
      body = refusal.toString();
    } else {
      body = "案件 " + caseNumber + " 的延长执行期限申请未获批准，执行期限仍为 " + execution.getVariable("currentDeadline") + "。";
    }
    notifier.toUsers(List.of(requester.toString()), new Notification(null, "EXTENSION",
        newDeadline != null ? "延长执行期限已批准" : "延长执行期限未获批准", body, caseNumber,
        execution.getProcessInstanceId(), null));
  }
}
