package cn.court.enforcement.termination;

import static cn.court.enforcement.termination.ResumptionVariables.*;

import cn.court.enforcement.casefile.CaseVariables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The follow-up's calendar: 第九条第二款 of 《最高人民法院关于严格规范终结本次执行程序的规定（试行）》
 * （法〔2016〕373号）: "终结本次执行程序后的五年内，执行法院应当每六个月通过网络执行查控系统查询一次被执行人的财产，
 * 并将查询结果告知申请执行人" — ten queries, the n-th due 6·n months after the ruling, at the start of
 * the working day. The dates follow from the ruling, not from when the previous query was done, so
 * a late query does not push the rest of the five years.
 */
@Component("followUpSchedule")
public class FollowUpSchedule {

  /** Every six months (第九条第二款). */
  public static final int MONTHS_BETWEEN_QUERIES = 6;
  /** Five years (第九条第二款) of six-monthly queries. */
  public static final int QUERIES = 5 * 12 / MONTHS_BETWEEN_QUERIES;
  static final LocalTime QUERY_TIME = LocalTime.of(9, 0);

  private final FollowUpRegistry registry;

  public FollowUpSchedule(FollowUpRegistry registry) {
    this.registry = registry;
  }

  /** Start of the follow-up: registers it; the first query is due six months after the ruling. */
  public void register(DelegateExecution execution) {
    String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
    registry.start(caseNumber, execution.getProcessInstanceId(),
        LocalDate.parse((String) execution.getVariable(TERMINATED_ON)),
        new BigDecimal((String) execution.getVariable(UNPAID_AMOUNT)),
        (String) execution.getVariable(CaseVariables.HANDLING_TEAM),
        (String) execution.getVariable("caseHandler"));
    execution.setVariable(QUERY_COUNT, 0);
  }

  /** When the next query is due: the timer's date, kept as a variable for Tasklist and Cockpit. */
  public Date nextQuery(DelegateExecution execution) {
    int done = ((Number) execution.getVariable(QUERY_COUNT)).intValue();
    LocalDate due = queryDate(LocalDate.parse((String) execution.getVariable(TERMINATED_ON)), done + 1);
    Date at = Date.from(due.atTime(QUERY_TIME).atZone(ZoneId.systemDefault()).toInstant());
    execution.setVariable(NEXT_QUERY_AT, due.toString());
    return at;
  }

  /** The date the {@code n}-th query (from 1) is due. */
  public static LocalDate queryDate(LocalDate terminatedOn, int n) {
    return terminatedOn.plusMonths((long) MONTHS_BETWEEN_QUERIES * n);
  }

  /** True once the tenth query is done: the follow-up ends by itself, the case stays terminated. */
  public boolean fiveYearsDone(DelegateExecution execution) {
    return ((Number) execution.getVariable(QUERY_COUNT)).intValue() >= QUERIES;
  }
}
