package cn.court.enforcement.calendar;

import cn.court.enforcement.calendar.CaseTerm.Pause;
import cn.court.enforcement.calendar.CaseTerm.PauseReason;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The statutory case clock (SPEC §2): 6 months from filing, 3 for non-litigation cases
 * (table entries {@code case} and {@code case-non-litigation}), standing still during the
 * periods 《最高人民法院关于严格执行案件审理期限制度的若干规定》第九条 does not count (public
 * notice, appraisal, audit, valuation, auction and sale-off, suspension, deferral), extended by
 * approved extensions of at most 3 months in all. Usable from BPMN, e.g.
 * {@code camunda:expression="${caseClock.pause(execution, 'AUCTION')}"}.
 */
@Component("caseClock")
public class CaseClock {

  public static final int MAX_EXTENSION_MONTHS = 3;
  /** An extension must be asked for at least this many days before the term expires. */
  public static final int EXTENSION_NOTICE_DAYS = 5;
  /** Process variable of the case that shows the term and its pauses (Cockpit). */
  public static final String TERM_VARIABLE = "statutoryTerm";

  /** A period not counted, as recorded: which steps began and ended it. */
  public record PauseRecord(PauseReason reason, LocalDate start, LocalDate end, String startedBy, String endedBy) {}

  /** The clock's facts, read in one statement. */
  public record State(CaseTerm term, List<PauseRecord> pauses) {}

  private static final String STATE = "select c.filing_date, c.non_litigation, "
      + "(select coalesce(sum(e.months), 0) from court_case_clock_extension e where e.case_number = c.case_number) as extension_months, "
      + "p.reason, p.start_date, p.end_date, p.started_by, p.ended_by "
      + "from court_case_clock c left join court_case_clock_pause p on p.case_number = c.case_number "
      + "where c.case_number = ? order by p.start_date, p.id";

  private final JdbcTemplate jdbc;
  private final Deadlines deadlines;

  public CaseClock(JdbcTemplate jdbc, Deadlines deadlines) {
    this.jdbc = jdbc;
    this.deadlines = deadlines;
    for (String limit : List.of("case", "case-non-litigation")) {
      if (deadlines.limit(limit).unit() != TimeLimit.Unit.MONTHS) {
        throw new IllegalStateException("时限表中的 '" + limit + "' 应以月（months）计");
      }
    }
  }

  /** Starts the clock of a case; registering it again changes nothing. */
  public void register(String caseNumber, LocalDate filingDate, boolean nonLitigation) {
    if (!exists(caseNumber)) {
      jdbc.update("insert into court_case_clock (case_number, filing_date, non_litigation) values (?, ?, ?)",
          caseNumber, Date.valueOf(filingDate), nonLitigation);
    }
  }

  /** From BPMN: the case is the business key; variables {@code filingDate} and {@code nonLitigation}. */
  public void register(DelegateExecution execution) {
    Object filed = execution.getVariable("filingDate");
    if (filed == null) {
      throw new BadUserRequestException("案件缺少立案日期（filingDate），无法计算执行期限。");
    }
    register(caseNumber(execution), deadlines.toDate(filed, "filingDate"),
        Boolean.TRUE.equals(execution.getVariable("nonLitigation")));
  }

  /**
   * A period of {@code reason} from {@code start}, up to (not including) {@code end}, or open
   * until {@link #resume} when {@code end} is null. A period never overlaps one of its own kind
   * (periods of different kinds may, and their common days count once).
   */
  public void pause(String caseNumber, PauseReason reason, LocalDate start, LocalDate end, String startedBy) {
    LocalDate filed = lock(caseNumber);
    if (start.isBefore(filed)) {
      throw new InvalidCaseDataException("「" + reason.label() + "」期间的开始日期 " + start + " 早于立案日期 " + filed + "。");
    }
    if (end != null && end.isBefore(start)) {
      throw new InvalidCaseDataException("「" + reason.label() + "」期间的结束日期 " + end + " 早于开始日期 " + start + "。");
    }
    List<PauseRecord> overlapping = jdbc.query("select reason, start_date, end_date, started_by, ended_by "
            + "from court_case_clock_pause where case_number = ? and reason = ? and (end_date is null or end_date > ?)"
            + (end == null ? "" : " and start_date < ?"),
        CaseClock::pauseRecord, end == null
            ? new Object[] {caseNumber, reason.name(), Date.valueOf(start)}
            : new Object[] {caseNumber, reason.name(), Date.valueOf(start), Date.valueOf(end)});
    if (!overlapping.isEmpty()) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 已登记" + describe(overlapping.get(0)) + "，与本次登记的「"
          + reason.label() + "」" + period(start, end) + "重叠；同一期间不能重复登记，请先登记原期间结束。");
    }
    jdbc.update("insert into court_case_clock_pause (case_number, reason, start_date, end_date, started_by) "
        + "values (?, ?, ?, ?, ?)", caseNumber, reason.name(), Date.valueOf(start), end == null ? null : Date.valueOf(end),
        startedBy);
  }

  /** Ends the open period of {@code reason} on {@code end}, the day the clock counts again. */
  public void resume(String caseNumber, PauseReason reason, LocalDate end, String endedBy) {
    lock(caseNumber);
    List<LocalDate> open = jdbc.query("select start_date from court_case_clock_pause where case_number = ? and reason = ? "
        + "and end_date is null", (rs, i) -> rs.getDate(1).toLocalDate(), caseNumber, reason.name());
    if (open.isEmpty()) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 没有进行中的「" + reason.label() + "」期间，无法登记其结束。");
    }
    if (end.isBefore(open.get(0))) {
      throw new InvalidCaseDataException("「" + reason.label() + "」期间自 " + open.get(0) + " 开始，结束日期 " + end
          + " 不能早于开始日期。");
    }
    jdbc.update("update court_case_clock_pause set end_date = ?, ended_by = ? where case_number = ? and reason = ? "
        + "and end_date is null", Date.valueOf(end), endedBy, caseNumber, reason.name());
  }

  /** From BPMN, an open period starting today: {@code reason} as {@link PauseReason}, e.g. {@code AUCTION}. */
  public void pause(DelegateExecution execution, String reason) {
    pause(execution, reason(reason), deadlines.today(), null);
  }

  /** From BPMN, the open period of {@code reason} ends today. */
  public void resume(DelegateExecution execution, String reason) {
    resume(execution, reason(reason), deadlines.today());
  }

  /** Diagrams deployed before periods had kinds paused only for auctions. */
  public void resume(DelegateExecution execution) {
    resume(execution, PauseReason.AUCTION.name());
  }

  /** A period begun by the execution's step, shown on the case. */
  public void pause(DelegateExecution execution, PauseReason reason, LocalDate start, LocalDate end) {
    pause(caseNumber(execution), reason, start, end, execution.getCurrentActivityName());
    show(execution);
  }

  /** A period ended by the execution's step, shown on the case. */
  public void resume(DelegateExecution execution, PauseReason reason, LocalDate end) {
    resume(caseNumber(execution), reason, end, execution.getCurrentActivityName());
    show(execution);
  }

  /** The term and every recorded period, in one statement. */
  public State state(String caseNumber) {
    record Row(LocalDate filingDate, boolean nonLitigation, int extension, PauseRecord pause) {}
    List<Row> rows = jdbc.query(STATE, (rs, i) -> new Row(rs.getDate("filing_date").toLocalDate(),
        rs.getBoolean("non_litigation"), rs.getInt("extension_months"), rs.getString("reason") == null ? null : pauseRecord(rs, i)),
        caseNumber);
    if (rows.isEmpty()) {
      throw notRegistered(caseNumber);
    }
    Row clock = rows.get(0);
    List<PauseRecord> pauses = rows.stream().map(Row::pause).filter(Objects::nonNull).toList();
    int months = deadlines.limit(clock.nonLitigation() ? "case-non-litigation" : "case").amount();
    return new State(new CaseTerm(clock.filingDate(), months, clock.extension(),
        pauses.stream().map(p -> new Pause(p.reason(), p.start(), p.end())).toList()), pauses);
  }

  public CaseTerm term(String caseNumber) {
    return state(caseNumber).term();
  }

  /** The last day to close the case, as of today. */
  public LocalDate deadline(String caseNumber) {
    return term(caseNumber).deadline(deadlines.calendar(), deadlines.today());
  }

  /** From BPMN, e.g. a timer or due date: the end of the case's last day. */
  public java.util.Date deadlineOf(DelegateExecution execution) {
    return deadlines.endOf(deadline(caseNumber(execution)));
  }

  /** The term as staff read it: its last day as of today and each period not counted. */
  public String describe(String caseNumber) {
    State state = state(caseNumber);
    LocalDate today = deadlines.today();
    String pauses = state.pauses().isEmpty() ? "无" : state.pauses().stream().map(CaseClock::describe)
        .collect(Collectors.joining("；"));
    return "执行期限至 " + state.term().deadline(deadlines.calendar(), today) + "（" + today + " 计算，已扣除 "
        + state.term().pausedDays(today) + " 日）。不计入期限的期间：" + pauses;
  }

  /**
   * The case's term with its clock row locked until the transaction ends: a change decided on it
   * (an extension) waits for any other change of the case to commit, and then sees it.
   */
  public CaseTerm termForUpdate(String caseNumber) {
    lock(caseNumber);
    return term(caseNumber);
  }

  /** Records an approved extension and returns the new deadline. */
  public LocalDate extend(String caseNumber, int months, String processInstanceId) {
    jdbc.update("insert into court_case_clock_extension (case_number, months, process_instance_id, approved_at) "
        + "values (?, ?, ?, ?)", caseNumber, months, processInstanceId, new Timestamp(ClockUtil.getCurrentTime().getTime()));
    return deadline(caseNumber);
  }

  /** The case's own process (the one a disposal was called from, too) shows the term in Cockpit. */
  private void show(DelegateExecution execution) {
    DelegateExecution root = execution.getProcessInstance();
    while (root.getSuperExecution() != null) {
      root = root.getSuperExecution().getProcessInstance();
    }
    root.setVariable(TERM_VARIABLE, describe(caseNumber(execution)));
  }

  /** Locks the case's clock until the transaction ends, so two steps never record overlapping periods; its filing date. */
  private LocalDate lock(String caseNumber) {
    List<LocalDate> filed = jdbc.query("select filing_date from court_case_clock where case_number = ? for update",
        (rs, i) -> rs.getDate(1).toLocalDate(), caseNumber);
    if (filed.isEmpty()) {
      throw notRegistered(caseNumber);
    }
    return filed.get(0);
  }

  private boolean exists(String caseNumber) {
    return jdbc.queryForObject("select count(*) from court_case_clock where case_number = ?", Integer.class,
        caseNumber) > 0;
  }

  private static InvalidCaseDataException notRegistered(String caseNumber) {
    return new InvalidCaseDataException("案件 " + caseNumber + " 尚未登记执行期限（立案日期）。");
  }

  private static PauseRecord pauseRecord(ResultSet rs, int row) throws SQLException {
    Date end = rs.getDate("end_date");
    return new PauseRecord(PauseReason.valueOf(rs.getString("reason")), rs.getDate("start_date").toLocalDate(),
        end == null ? null : end.toLocalDate(), rs.getString("started_by"), rs.getString("ended_by"));
  }

  private static String describe(PauseRecord pause) {
    return "「" + pause.reason().label() + "」" + period(pause.start(), pause.end())
        + (pause.startedBy() == null ? "" : "（" + pause.startedBy() + (pause.endedBy() == null ? "" : " / " + pause.endedBy()) + "）");
  }

  /** [start, end) as staff read it: the clock counts again on {@code end}. */
  private static String period(LocalDate start, LocalDate end) {
    return end == null ? start + " 起（进行中）"
        : start + " 起，" + end + " 恢复计算（" + ChronoUnit.DAYS.between(start, end) + " 日）";
  }

  private static PauseReason reason(String name) {
    return PauseReason.valueOf(name.toUpperCase(Locale.ROOT));
  }

  private static String caseNumber(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
