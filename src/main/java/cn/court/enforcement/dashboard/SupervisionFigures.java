package cn.court.enforcement.dashboard;

import static cn.court.enforcement.dashboard.Table.column;

import cn.court.enforcement.calendar.CalendarProperties;
import cn.court.enforcement.calendar.Deadlines;
import cn.court.enforcement.calendar.TimeLimit;
import cn.court.enforcement.casefile.CheckClosure;
import cn.court.enforcement.funds.CaseMoneyBalance;
import cn.court.enforcement.organisation.Organisation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The figures of the supervision page, read with plain SQL from the application's tables
 * (case_file, allocation_draw, court_node_deadline, case_money_*) and Camunda's history
 * (ACT_HI_TASKINST, ACT_HI_ACTINST, ACT_HI_VARINST). Each query is driven by an index (migration
 * V18 and Camunda's own; docs/decisions.md shows the plans at 100,000 cases). Periods are grouped
 * into weeks and months here from per-day counts, so the SQL stays the same on H2 and PostgreSQL.
 */
@Repository
public class SupervisionFigures {

  static final String MAIN_PROCESS = "enforcement-case";
  /** The end event every closure passes, whatever its kind (processes/enforcement-case.bpmn). */
  static final String CASE_CLOSED = "EndEvent_CaseClosed";
  /** Registering the closure: its due date is the statutory term (caseClock.deadlineOf), its end the closure. */
  static final String REGISTER_CLOSURE = "Task_RegisterClosure";
  static final String PAYOUT_LIMIT = "money-payout";
  static final String NO_TEAM = "尚未分到团队";

  /** A case filed and not yet closed: its main instance runs and has not passed the closure end event. */
  private static final String OPEN = """
      EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.ID_ = cf.process_instance_id)
      AND NOT EXISTS (SELECT 1 FROM ACT_HI_ACTINST a WHERE a.PROC_INST_ID_ = cf.process_instance_id
        AND a.ACT_ID_ = '%s')""".formatted(CASE_CLOSED);
  /** The case's team: the handler's team once named, else the team the draw chose. */
  private static final String TEAM = "COALESCE(cf.handler_team, d.chosen_team)";

  private final JdbcTemplate jdbc;
  private final Organisation organisation;
  private final Deadlines deadlines;
  private final ZoneId zone;

  public SupervisionFigures(JdbcTemplate jdbc, Organisation organisation, Deadlines deadlines,
      CalendarProperties calendar) {
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.deadlines = deadlines;
    this.zone = calendar.zone();
    if (deadlines.limit(PAYOUT_LIMIT).unit() != TimeLimit.Unit.CALENDAR_DAYS) {
      throw new IllegalStateException("时限表中的 '" + PAYOUT_LIMIT + "' 应以日历日（calendar-days）计");
    }
  }

  /** Open cases per team and per current node of the main process (a case with two tasks counts in both). */
  public Table openCases() {
    List<Map<String, Object>> rows = jdbc.query("""
        SELECT %s AS team, t.NAME_ AS stage, COUNT(DISTINCT cf.case_number) AS cases
        FROM case_file cf
        LEFT JOIN allocation_draw d ON d.case_number = cf.case_number
        LEFT JOIN ACT_RU_TASK t ON t.PROC_INST_ID_ = cf.process_instance_id
        WHERE %s
        GROUP BY %s, t.NAME_""".formatted(TEAM, OPEN, TEAM),
        (rs, i) -> row("team", rs.getString("team"), "teamName", teamName(rs.getString("team")),
            "stage", rs.getString("stage") == null ? "子流程办理中或等待中" : rs.getString("stage"),
            "cases", rs.getLong("cases")));
    rows.sort(Comparator.comparing((Map<String, Object> r) -> (String) r.get("teamName"))
        .thenComparing(r -> (String) r.get("stage")));
    return new Table("在办案件（按团队、环节）", List.of(column("teamName", "团队"), column("stage", "当前环节"),
        column("cases", "案件数")), rows);
  }

  /** Open cases per handler (承办人). */
  public Table handlers() {
    List<Map<String, Object>> rows = jdbc.query("""
        SELECT cf.handler, cf.handler_team, COUNT(*) AS cases FROM case_file cf
        WHERE cf.handler IS NOT NULL AND %s
        GROUP BY cf.handler, cf.handler_team ORDER BY cases DESC, cf.handler""".formatted(OPEN),
        (rs, i) -> row("handler", rs.getString("handler"), "handlerName", personName(rs.getString("handler")),
            "team", rs.getString("handler_team"), "teamName", teamName(rs.getString("handler_team")),
            "cases", rs.getLong("cases")));
    return new Table("承办人在办案件", List.of(column("handlerName", "承办人"), column("teamName", "团队"),
        column("cases", "在办案件数")), rows);
  }

  /**
   * Nodes of the overdue-node table: those overdue now (not ended), or, with {@code weekStart},
   * those that became overdue in that week; optionally only one person's.
   */
  public Table overdueNodes(LocalDate weekStart, String assignee) {
    StringBuilder sql = new StringBuilder("""
        SELECT n.case_number, n.process_instance_id, n.task_name, n.group_id, n.assignee, n.due_at, n.overdue_at,
          n.badly_overdue_at, n.ended_at
        FROM court_node_deadline n WHERE n.overdue_at IS NOT NULL""");
    List<Object> args = new ArrayList<>();
    if (weekStart == null) {
      sql.append(" AND n.ended_at IS NULL");
    } else {
      sql.append(" AND n.overdue_at >= ? AND n.overdue_at < ?");
      args.add(startOf(weekStart));
      args.add(startOf(weekStart.plusWeeks(1)));
    }
    if (assignee != null) {
      sql.append(" AND n.assignee = ?");
      args.add(assignee);
    }
    sql.append(" ORDER BY n.due_at, n.task_id");
    LocalDate today = deadlines.today();
    List<Map<String, Object>> rows = jdbc.query(sql.toString(), (rs, i) -> {
      LocalDate due = day(rs.getTimestamp("due_at"));
      Timestamp ended = rs.getTimestamp("ended_at");
      return row("caseNumber", rs.getString("case_number"), "processInstanceId", ended == null ? rs.getString("process_instance_id") : null,
          "node", rs.getString("task_name"), "unitName", teamName(rs.getString("group_id")),
          "assignee", rs.getString("assignee"), "assigneeName", personName(rs.getString("assignee")),
          "dueOn", due.toString(), "overdueDays", ChronoUnit.DAYS.between(due, ended == null ? today : day(ended)),
          "badlyOverdue", rs.getTimestamp("badly_overdue_at") != null ? "是" : "否",
          "endedOn", ended == null ? "" : day(ended).toString());
    }, args.toArray());
    String title = (weekStart == null ? "当前超期节点" : weekStart + " 起一周内超期的节点")
        + (assignee == null ? "" : "（" + personName(assignee) + "）");
    return new Table(title, List.of(column("caseNumber", "案号"), column("node", "节点"), column("unitName", "部门"),
        column("assigneeName", "责任人"), column("dueOn", "期限"), column("overdueDays", "超期天数"),
        column("badlyOverdue", "严重超期"), column("endedOn", "办结日期")), rows);
  }

  /** Nodes that became overdue per week (Monday to Sunday), the last {@code weeks} weeks up to this one. */
  public Table overdueWeeks(int weeks) {
    LocalDate firstWeek = monday(deadlines.today()).minusWeeks(weeks - 1L);
    Map<LocalDate, long[]> byWeek = new TreeMap<>();
    for (int w = 0; w < weeks; w++) {
      byWeek.put(firstWeek.plusWeeks(w), new long[2]);
    }
    jdbc.query("""
        SELECT CAST(n.overdue_at AS DATE) AS on_day, COUNT(*) AS nodes,
          SUM(CASE WHEN n.ended_at IS NULL THEN 1 ELSE 0 END) AS still_open
        FROM court_node_deadline n WHERE n.overdue_at >= ? AND n.overdue_at < ?
        GROUP BY CAST(n.overdue_at AS DATE)""", rs -> {
      long[] counts = byWeek.get(monday(rs.getDate("on_day").toLocalDate()));
      counts[0] += rs.getLong("nodes");
      counts[1] += rs.getLong("still_open");
    }, startOf(firstWeek), startOf(firstWeek.plusWeeks(weeks))); // a node swept on a clock ahead of ours is not in a row
    List<Map<String, Object>> rows = new ArrayList<>();
    byWeek.forEach((week, counts) -> rows.add(row("week", week.toString(), "nodes", counts[0], "stillOpen", counts[1])));
    return new Table("每周新增超期节点", List.of(column("week", "周（周一）"), column("nodes", "超期节点数"),
        column("stillOpen", "其中仍未办结")), rows);
  }

  /** Closures per team and month, and how many within the statutory term (the closure's due date). */
  public Table closuresInTerm(int months) {
    Map<List<String>, long[]> counts = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
        .thenComparing(k -> k.get(1)));
    closures(months, (rs) -> {
      long[] c = counts.computeIfAbsent(List.of(month(rs), teamName(rs.getString("team"))), k -> new long[2]);
      c[0] += rs.getLong("closed");
      c[1] += rs.getLong("in_term");
    });
    List<Map<String, Object>> rows = new ArrayList<>();
    counts.forEach((key, c) -> rows.add(row("month", key.get(0), "teamName", key.get(1), "closed", c[0],
        "inTerm", c[1], "inTermRate", percent(c[1], c[0]))));
    return new Table("法定期限内结案（按团队、月份）", List.of(column("month", "月份"), column("teamName", "团队"),
        column("closed", "结案数"), column("inTerm", "期限内结案"), column("inTermRate", "期限内结案率（%）")), rows);
  }

  /** Closures per month and kind (执行完毕, 终本, …). */
  public Table closureKinds(int months) {
    Map<List<String>, Long> counts = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
        .thenComparing(k -> k.get(1)));
    closures(months, rs -> counts.merge(List.of(month(rs), kindName(rs.getString("kind"))), rs.getLong("closed"), Long::sum));
    List<Map<String, Object>> rows = new ArrayList<>();
    counts.forEach((key, n) -> rows.add(row("month", key.get(0), "kind", key.get(1), "closed", n)));
    return new Table("结案方式（按月份）", List.of(column("month", "月份"), column("kind", "结案方式"),
        column("closed", "结案数")), rows);
  }

  private interface ClosureRow {
    void accept(ResultSet rs) throws SQLException;
  }

  /** Closures registered since the first day of the month {@code months - 1} months ago, per day, team and kind. */
  private void closures(int months, ClosureRow each) {
    jdbc.query("""
        SELECT CAST(t.END_TIME_ AS DATE) AS on_day, %s AS team, v.TEXT_ AS kind, COUNT(*) AS closed,
          SUM(CASE WHEN t.END_TIME_ <= t.DUE_DATE_ THEN 1 ELSE 0 END) AS in_term
        FROM ACT_HI_TASKINST t
        JOIN case_file cf ON cf.process_instance_id = t.PROC_INST_ID_
        LEFT JOIN allocation_draw d ON d.case_number = cf.case_number
        LEFT JOIN ACT_HI_VARINST v ON v.PROC_INST_ID_ = t.PROC_INST_ID_ AND v.EXECUTION_ID_ = t.PROC_INST_ID_
          AND v.NAME_ = 'closureKind'
        WHERE t.END_TIME_ >= ? AND t.TASK_DEF_KEY_ = '%s' AND t.PROC_DEF_KEY_ = '%s' AND t.DELETE_REASON_ = 'completed'
        GROUP BY CAST(t.END_TIME_ AS DATE), %s, v.TEXT_""".formatted(TEAM, REGISTER_CLOSURE, MAIN_PROCESS, TEAM),
        rs -> {
          each.accept(rs);
        },
        startOf(firstMonth(months)));
  }

  /** Time spent in each node of the main process (claimed or not), over the nodes finished in the period. */
  public Table stageTimes(int months) {
    List<Map<String, Object>> rows = jdbc.query("""
        SELECT t.TASK_DEF_KEY_ AS node, MAX(t.NAME_) AS name, COUNT(*) AS done,
          AVG(CAST(t.DURATION_ AS DOUBLE PRECISION)) AS average,
          PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY t.DURATION_) AS p90
        FROM ACT_HI_TASKINST t
        WHERE t.END_TIME_ >= ? AND t.PROC_DEF_KEY_ = '%s' AND t.DELETE_REASON_ = 'completed'
        GROUP BY t.TASK_DEF_KEY_ ORDER BY average DESC, node""".formatted(MAIN_PROCESS),
        (rs, i) -> row("stage", rs.getString("name"), "done", rs.getLong("done"),
            "averageDays", days(rs.getDouble("average")), "p90Days", days(rs.getDouble("p90"))),
        startOf(firstMonth(months)));
    return new Table("各环节用时（天）", List.of(column("stage", "环节"), column("done", "已办结节点数"),
        column("averageDays", "平均用时（天）"), column("p90Days", "90%分位用时（天）")), rows);
  }

  /** Case money of all cases: arrived, costs settled, paid out, proposed or approved, outstanding. */
  public Table money() {
    CaseMoneyBalance all = jdbc.queryForObject("""
        SELECT (SELECT COALESCE(SUM(amount), 0) FROM case_money_arrival) AS arrived,
          (SELECT COALESCE(SUM(execution_fee + disposal_costs), 0) FROM case_money_arrival) AS costs,
          (SELECT COALESCE(SUM(share), 0) FROM case_money_payout WHERE status = 'paid') AS paid,
          (SELECT COALESCE(SUM(share), 0) FROM case_money_payout WHERE status IN ('proposed', 'approved')) AS pending""",
        (rs, i) -> new CaseMoneyBalance(rs.getBigDecimal("arrived"), rs.getBigDecimal("costs"), rs.getBigDecimal("paid"),
            rs.getBigDecimal("pending")));
    return new Table("案款总览（元）", List.of(column("arrived", "已到账"), column("costs", "执行费用"),
        column("paid", "已发放"), column("pending", "待发放（已提出或已审批）"), column("outstanding", "未发放")),
        List.of(row("arrived", cents(all.arrived()), "costs", cents(all.costs()), "paid", cents(all.paid()),
            "pending", cents(all.pending()), "outstanding", cents(all.outstanding()))));
  }

  /**
   * Arrivals not fully paid out after the payout limit (30 days from the registered arrival date,
   * 《最高人民法院关于执行款物管理工作的规定》第十一条; time-limits.yml {@code money-payout}).
   */
  public Table latePayouts() {
    LocalDate today = deadlines.today();
    // the last day is arrival + 30: late from the day after
    LocalDate lateIfArrivedBefore = today.minusDays(deadlines.limit(PAYOUT_LIMIT).amount());
    List<Map<String, Object>> rows = jdbc.query("""
        SELECT a.case_number, cf.process_instance_id, a.arrived_on, a.amount,
          a.amount - a.execution_fee - a.disposal_costs - COALESCE(p.paid, 0) AS unpaid,
          cf.handler, %s AS team
        FROM case_money_arrival a
        LEFT JOIN (SELECT arrival_id, SUM(share) AS paid FROM case_money_payout WHERE status = 'paid'
          GROUP BY arrival_id) p ON p.arrival_id = a.id
        LEFT JOIN case_file cf ON cf.case_number = a.case_number
        LEFT JOIN allocation_draw d ON d.case_number = a.case_number
        WHERE a.arrived_on < ? AND a.amount - a.execution_fee - a.disposal_costs - COALESCE(p.paid, 0) > 0
        ORDER BY a.arrived_on, a.id""".formatted(TEAM),
        (rs, i) -> {
          LocalDate arrived = rs.getDate("arrived_on").toLocalDate();
          return row("caseNumber", rs.getString("case_number"), "processInstanceId", rs.getString("process_instance_id"),
              "arrivedOn", arrived.toString(), "amount", cents(rs.getBigDecimal("amount")),
              "unpaid", cents(rs.getBigDecimal("unpaid")), "daysSinceArrival", ChronoUnit.DAYS.between(arrived, today),
              "teamName", teamName(rs.getString("team")), "handlerName", personName(rs.getString("handler")));
        }, Date.valueOf(lateIfArrivedBefore));
    return new Table("超过30日未发放的案款", List.of(column("caseNumber", "案号"), column("arrivedOn", "到账日期"),
        column("amount", "到账金额（元）"), column("unpaid", "未发放（元）"), column("daysSinceArrival", "已过天数"),
        column("teamName", "团队"), column("handlerName", "承办人")), rows);
  }

  private LocalDate firstMonth(int months) {
    return deadlines.today().withDayOfMonth(1).minusMonths(months - 1L);
  }

  private Timestamp startOf(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(zone).toInstant());
  }

  private LocalDate day(Timestamp instant) {
    return deadlines.dayOf(instant);
  }

  private static LocalDate monday(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private static String month(ResultSet rs) throws SQLException {
    return rs.getDate("on_day").toLocalDate().toString().substring(0, 7);
  }

  private String teamName(String id) {
    return id == null ? NO_TEAM : organisation.unit(id).map(Organisation.Unit::name).orElse(id);
  }

  private String personName(String id) {
    return id == null ? "" : organisation.person(id).map(Organisation.Staff::name).orElse(id);
  }

  private static String kindName(String kind) {
    return kind == null ? "未登记" : CheckClosure.KINDS.getOrDefault(kind, kind);
  }

  private static BigDecimal days(double millis) {
    return BigDecimal.valueOf(millis / 86_400_000d).setScale(1, RoundingMode.HALF_UP);
  }

  private static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal percent(long part, long whole) {
    return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part * 100.0 / whole).setScale(1, RoundingMode.HALF_UP);
  }

  /** A row from key, value pairs, in column order. */
  static Map<String, Object> row(Object... pairs) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put((String) pairs[i], pairs[i + 1]);
    }
    return row;
  }
}
