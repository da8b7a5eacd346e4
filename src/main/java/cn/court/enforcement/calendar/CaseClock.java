package cn.court.enforcement.calendar;

import cn.court.enforcement.calendar.CaseTerm.Pause;
import cn.court.enforcement.calendar.CaseTerm.PauseReason;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The statutory case clock (SPEC §2): 6 months from filing, 3 for non-litigation cases
 * (table entries {@code case} and {@code case-non-litigation}), paused during public
 * notice, appraisal and auction, extended by approved extensions of at most 3 months in
 * all. Usable from BPMN, e.g. {@code camunda:expression="${caseClock.pause(execution, 'AUCTION')}"}.
 */
@Component("caseClock")
public class CaseClock {

  public static final int MAX_EXTENSION_MONTHS = 3;
  /** An extension must be asked for at least this many days before the term expires. */
  public static final int EXTENSION_NOTICE_DAYS = 5;

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

  public void pause(String caseNumber, PauseReason reason, LocalDate start) {
    requireCase(caseNumber);
    if (openPauses(caseNumber) > 0) {
      throw new BadUserRequestException("案件 " + caseNumber + " 的执行期限已在暂停中，请先恢复计算。");
    }
    jdbc.update("insert into court_case_clock_pause (case_number, reason, start_date) values (?, ?, ?)",
        caseNumber, reason.name(), Date.valueOf(start));
  }

  /** From BPMN, starting today: reason {@code PUBLIC_NOTICE}, {@code APPRAISAL} or {@code AUCTION}. */
  public void pause(DelegateExecution execution, String reason) {
    pause(caseNumber(execution), PauseReason.valueOf(reason.toUpperCase(Locale.ROOT)), deadlines.today());
  }

  public void resume(String caseNumber, LocalDate end) {
    int resumed = jdbc.update("update court_case_clock_pause set end_date = ? where case_number = ? and end_date is null"
        + " and start_date <= ?", Date.valueOf(end), caseNumber, Date.valueOf(end));
    if (resumed == 0) {
      throw new BadUserRequestException("案件 " + caseNumber + " 的执行期限没有在 " + end + " 之前开始的暂停。");
    }
  }

  /** From BPMN, resuming today. */
  public void resume(DelegateExecution execution) {
    resume(caseNumber(execution), deadlines.today());
  }

  public CaseTerm term(String caseNumber) {
    requireCase(caseNumber);
    record Clock(LocalDate filingDate, boolean nonLitigation) {}
    Clock clock = jdbc.queryForObject("select filing_date, non_litigation from court_case_clock where case_number = ?",
        (rs, i) -> new Clock(rs.getDate("filing_date").toLocalDate(), rs.getBoolean("non_litigation")), caseNumber);
    int months = deadlines.limit(clock.nonLitigation() ? "case-non-litigation" : "case").amount();
    Integer extension = jdbc.queryForObject(
        "select coalesce(sum(months), 0) from court_case_clock_extension where case_number = ?", Integer.class, caseNumber);
    List<Pause> pauses = jdbc.query("select reason, start_date, end_date from court_case_clock_pause where case_number = ?",
        (rs, i) -> new Pause(PauseReason.valueOf(rs.getString("reason")), rs.getDate("start_date").toLocalDate(),
            rs.getDate("end_date") == null ? null : rs.getDate("end_date").toLocalDate()),
        caseNumber);
    return new CaseTerm(clock.filingDate(), months, extension, pauses);
  }

  /** The last day to close the case, as of today. */
  public LocalDate deadline(String caseNumber) {
    return term(caseNumber).deadline(deadlines.calendar(), deadlines.today());
  }

  /** From BPMN, e.g. a timer or due date: the end of the case's last day. */
  public java.util.Date deadlineOf(DelegateExecution execution) {
    return deadlines.endOf(deadline(caseNumber(execution)));
  }

  /**
   * Refuses an extension request that comes too late or asks for too much; otherwise
   * returns the current deadline.
   */
  public LocalDate checkExtensionRequest(String caseNumber, int months) {
    CaseTerm term = term(caseNumber);
    LocalDate deadline = term.deadline(deadlines.calendar(), deadlines.today());
    LocalDate lastRequestDay = deadline.minusDays(EXTENSION_NOTICE_DAYS);
    if (deadlines.today().isAfter(lastRequestDay)) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 的执行期限于 " + deadline + " 届满，延长期限申请应在届满 "
          + EXTENSION_NOTICE_DAYS + " 日前（最迟 " + lastRequestDay + "）提出，现已逾期，不能申请。");
    }
    if (months < 1 || term.extensionMonths() + months > MAX_EXTENSION_MONTHS) {
      throw new InvalidCaseDataException("延长期限最多 " + MAX_EXTENSION_MONTHS + " 个月；案件 " + caseNumber + " 已延长 "
          + term.extensionMonths() + " 个月，本次最多还可申请 " + (MAX_EXTENSION_MONTHS - term.extensionMonths()) + " 个月。");
    }
    return deadline;
  }

  /** Records an approved extension and returns the new deadline. */
  public LocalDate extend(String caseNumber, int months, String processInstanceId) {
    jdbc.update("insert into court_case_clock_extension (case_number, months, process_instance_id, approved_at) "
        + "values (?, ?, ?, ?)", caseNumber, months, processInstanceId, new Timestamp(ClockUtil.getCurrentTime().getTime()));
    return deadline(caseNumber);
  }

  private int openPauses(String caseNumber) {
    return jdbc.queryForObject("select count(*) from court_case_clock_pause where case_number = ? and end_date is null",
        Integer.class, caseNumber);
  }

  private boolean exists(String caseNumber) {
    return jdbc.queryForObject("select count(*) from court_case_clock where case_number = ?", Integer.class,
        caseNumber) > 0;
  }

  private void requireCase(String caseNumber) {
    if (caseNumber == null || !exists(caseNumber)) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 尚未登记执行期限（立案日期）。");
    }
  }

  private static String caseNumber(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }
}
