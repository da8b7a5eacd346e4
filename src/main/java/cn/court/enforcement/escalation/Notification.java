package cn.court.enforcement.escalation;

/**
 * A message to one member of staff.
 *
 * @param kind what happened, e.g. {@code REMINDER}, {@code OVERDUE}, {@code BADLY_OVERDUE}
 * @param caseNumber the case (business key) when the message is about one
 */
public record Notification(String recipient, String kind, String title, String body, String caseNumber,
    String processInstanceId, String taskId) {

  public Notification to(String user) {
    return new Notification(user, kind, title, body, caseNumber, processInstanceId, taskId);
  }
}
