package cn.court.enforcement.escalation;

import cn.court.enforcement.calendar.CalendarProperties;
import cn.court.enforcement.calendar.Deadlines;
import cn.court.enforcement.escalation.NodeDeadlines.Node;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/** The overdue-node table (超期节点统计表) for a period: by unit or team, by person, node by node. */
@Service
public class OverdueReports {

  static final String NOT_CLAIMED = "未签收";
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** One overdue node; {@code open} when it is still not done. */
  public record Row(String unit, String unitName, String person, String personName, String caseNumber, String node,
      String timeLimit, String due, String overdueSince, String ended, boolean open, boolean badlyOverdue,
      int workingDaysLate) {}

  /** A count per unit or per person. */
  public record Count(String unit, String unitName, String person, String personName, long overdue, long open,
      long badlyOverdue) {}

  public record Report(LocalDate from, LocalDate to, Instant generatedAt, int total, long open, List<Count> byUnit,
      List<Count> byPerson, List<Row> nodes) {}

  private final NodeDeadlines nodes;
  private final EscalationLadder ladder;
  private final Deadlines deadlines;
  private final IdentityService identity;
  private final ZoneId zone;

  public OverdueReports(NodeDeadlines nodes, EscalationLadder ladder, Deadlines deadlines, IdentityService identity,
      CalendarProperties calendar) {
    this.nodes = nodes;
    this.ladder = ladder;
    this.deadlines = deadlines;
    this.identity = identity;
    this.zone = calendar.zone();
  }

  public Report report(LocalDate from, LocalDate to) {
    Date now = ClockUtil.getCurrentTime();
    Map<String, String> unitNames = new LinkedHashMap<>();
    Map<String, String> personNames = new LinkedHashMap<>();
    List<Row> rows = new ArrayList<>();
    for (Node n : nodes.overdueBetween(from, to, zone)) {
      String unit = n.groupId() == null ? "" : n.groupId();
      String person = n.assignee() == null ? NOT_CLAIMED : n.assignee();
      rows.add(new Row(unit, unitNames.computeIfAbsent(unit, this::groupName), person,
          personNames.computeIfAbsent(person, this::userName), n.caseNumber(), n.taskName(), limitLabel(n.timeLimit()),
          format(n.dueAt()), format(n.overdueAt()), format(n.endedAt()), n.endedAt() == null,
          n.badlyOverdueAt() != null, ladder.workingDaysLate(n.dueAt(), n.endedAt() == null ? now : n.endedAt())));
    }
    return new Report(from, to, now.toInstant(), rows.size(), rows.stream().filter(Row::open).count(),
        count(rows, r -> r.unit(), false), count(rows, r -> r.unit() + "\n" + r.person(), true), rows);
  }

  private static List<Count> count(List<Row> rows, Function<Row, String> key, boolean perPerson) {
    Map<String, List<Row>> groups = rows.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    return groups.values().stream().map(g -> {
      Row first = g.get(0);
      return new Count(first.unit(), first.unitName(), perPerson ? first.person() : null,
          perPerson ? first.personName() : null, g.size(), g.stream().filter(Row::open).count(),
          g.stream().filter(Row::badlyOverdue).count());
    }).toList();
  }

  /** The report as CSV for Excel: UTF-8 with a byte-order mark, one line per overdue node. */
  public String csv(Report report) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append("单位/团队,承办人,案号,节点,时限,到期时间,超期时间,办结时间,状态,超期工作日\r\n");
    for (Row r : report.nodes()) {
      List<String> cells = List.of(r.unitName(), r.personName(), nz(r.caseNumber()), nz(r.node()), nz(r.timeLimit()),
          r.due(), r.overdueSince(), r.ended(), r.open() ? (r.badlyOverdue() ? "严重超期未办结" : "超期未办结") : "超期已办结",
          Integer.toString(r.workingDaysLate()));
      csv.append(cells.stream().map(OverdueReports::cell).collect(Collectors.joining(","))).append("\r\n");
    }
    return csv.toString();
  }

  /**
   * One CSV field. Names, nodes and case numbers come from users: a leading {@code = + - @},
   * tab or carriage return would make Excel run the cell as a formula (OWASP "CSV injection"),
   * so such a cell gets a leading apostrophe and quotes. The one number column (working days
   * late) is never negative, so it never starts with one of these and stays a number.
   */
  public static String cell(String value) {
    boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    String text = formula ? "'" + value : value;
    return formula || text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
        ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }

  private String limitLabel(String name) {
    if (name == null) {
      return null;
    }
    try {
      return deadlines.limit(name).label();
    } catch (RuntimeException removedFromTable) {
      return name;
    }
  }

  private String groupName(String id) {
    return Optional.ofNullable(identity.createGroupQuery().groupId(id).singleResult()).map(Group::getName).orElse(id);
  }

  private String userName(String id) {
    User user = identity.createUserQuery().userId(id).singleResult();
    if (user == null) {
      return id;
    }
    return (nz(user.getFirstName()) + nz(user.getLastName())).isBlank() ? id : nz(user.getFirstName()) + nz(user.getLastName());
  }

  private String format(Date date) {
    return date == null ? "" : MINUTES.format(date.toInstant().atZone(zone));
  }
}
