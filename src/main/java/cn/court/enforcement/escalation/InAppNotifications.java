package cn.court.enforcement.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The default channel: notifications kept in the application and listed per user. */
@Component
public class InAppNotifications implements NotificationSender {

  /** A stored notification as the REST API shows it. */
  public record Stored(long id, String kind, String title, String body, String caseNumber, String processInstanceId,
      String taskId, Instant createdAt, Instant readAt) {}

  private final JdbcTemplate jdbc;

  public InAppNotifications(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void send(Notification n) {
    jdbc.update("insert into court_notification (recipient, kind, title, body, case_number, process_instance_id, "
            + "task_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        n.recipient(), n.kind(), n.title(), n.body(), n.caseNumber(), n.processInstanceId(), n.taskId(),
        new Timestamp(ClockUtil.getCurrentTime().getTime()));
  }

  /** The user's notifications, newest first; at most {@code limit} of them unless it is null. */
  public List<Stored> of(String user, boolean unreadOnly, Integer limit) {
    return jdbc.query("select * from court_notification where recipient = ?"
            + (unreadOnly ? " and read_at is null" : "") + " order by created_at desc, id desc"
            + (limit == null ? "" : " fetch first " + limit + " rows only"),
        (rs, i) -> new Stored(rs.getLong("id"), rs.getString("kind"), rs.getString("title"), rs.getString("body"),
            rs.getString("case_number"), rs.getString("process_instance_id"), rs.getString("task_id"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()),
        user);
  }

  public int unreadCount(String user) {
    return jdbc.queryForObject("select count(*) from court_notification where recipient = ? and read_at is null",
        Integer.class, user);
  }

  /** Marks the user's own notification read; false when there is no such notification for the user. */
  public boolean markRead(long id, String user) {
    if (jdbc.queryForObject("select count(*) from court_notification where id = ? and recipient = ?", Integer.class,
        id, user) == 0) {
      return false;
    }
    jdbc.update("update court_notification set read_at = ? where id = ? and read_at is null",
        new Timestamp(ClockUtil.getCurrentTime().getTime()), id);
    return true;
  }
}
