package cn.court.enforcement.escalation;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Limited nodes that escalation has reached (table {@code court_node_deadline}, one row per
 * task). Each stage is claimed with a conditional update, so a repeated or concurrent sweep
 * acts only once.
 */
@Repository
public class NodeDeadlines {

  /** A node as recorded; {@code overdueAt != null} puts it in the overdue-node table. */
  public record Node(String taskId, String processInstanceId, String processDefinitionKey, String caseNumber,
      String taskName, String timeLimit, String groupId, String assignee, Date dueAt, Date remindedAt,
      Date overdueAt, Date badlyOverdueAt, Date endedAt) {}

  private static final RowMapper<Node> NODE = (rs, i) -> new Node(rs.getString("task_id"),
      rs.getString("process_instance_id"), rs.getString("process_definition_key"), rs.getString("case_number"),
      rs.getString("task_name"), rs.getString("time_limit"), rs.getString("group_id"), rs.getString("assignee"),
      rs.getTimestamp("due_at"), rs.getTimestamp("reminded_at"), rs.getTimestamp("overdue_at"),
      rs.getTimestamp("badly_overdue_at"), rs.getTimestamp("ended_at"));

  private final JdbcTemplate jdbc;

  public NodeDeadlines(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the node, or refreshes who holds it and its due date. When another transaction
   * records it at the same moment this throws {@link org.springframework.dao.DuplicateKeyException}
   * (on PostgreSQL the transaction is then unusable): the caller retries in a new transaction.
   */
  public void track(Node node) {
    int updated = jdbc.update("update court_node_deadline set assignee = ?, group_id = ?, due_at = ? where task_id = ?",
        node.assignee(), node.groupId(), ts(node.dueAt()), node.taskId());
    if (updated == 0) {
      jdbc.update("insert into court_node_deadline (task_id, process_instance_id, process_definition_key, "
              + "case_number, task_name, time_limit, group_id, assignee, due_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          node.taskId(), node.processInstanceId(), node.processDefinitionKey(), node.caseNumber(), node.taskName(),
          node.timeLimit(), node.groupId(), node.assignee(), ts(node.dueAt()));
    }
  }

  /** The recorded nodes among {@code taskIds}, by task id. */
  public Map<String, Node> recorded(Collection<String> taskIds) {
    if (taskIds.isEmpty()) {
      return Map.of();
    }
    Map<String, Node> nodes = new HashMap<>();
    jdbc.query("select * from court_node_deadline where task_id in ("
            + String.join(", ", Collections.nCopies(taskIds.size(), "?")) + ")",
        rs -> {
          Node node = NODE.mapRow(rs, 0);
          nodes.put(node.taskId(), node);
        }, taskIds.toArray());
    return nodes;
  }

  public boolean claimReminder(String taskId, Date at) {
    return claim("reminded_at", taskId, at);
  }

  public boolean claimOverdue(String taskId, Date at) {
    return claim("overdue_at", taskId, at);
  }

  public boolean claimBadlyOverdue(String taskId, Date at) {
    return claim("badly_overdue_at", taskId, at);
  }

  private boolean claim(String column, String taskId, Date at) {
    return jdbc.update("update court_node_deadline set " + column + " = ? where task_id = ? and " + column + " is null",
        ts(at), taskId) == 1;
  }

  /** The node's task was completed or cancelled. */
  public void ended(String taskId, Date at) {
    jdbc.update("update court_node_deadline set ended_at = ? where task_id = ? and ended_at is null", ts(at), taskId);
  }

  /** Nodes overdue at some time within [from, to] (days in {@code zone}), by unit, person and due date. */
  public List<Node> overdueBetween(LocalDate from, LocalDate to, ZoneId zone) {
    return jdbc.query("select * from court_node_deadline where overdue_at is not null and overdue_at < ? "
            + "and (ended_at is null or ended_at >= ?) order by group_id, assignee, due_at",
        NODE,
        Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()),
        Timestamp.from(from.atStartOfDay(zone).toInstant()));
  }

  private static Timestamp ts(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }
}
