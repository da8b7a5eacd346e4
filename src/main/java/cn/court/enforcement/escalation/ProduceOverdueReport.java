package cn.court.enforcement.escalation;

import cn.court.enforcement.calendar.Deadlines;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task of the {@code overdue-report} process: produces the overdue-node table for the
 * period just ended, stores it as the archive centre's report and tells the centre.
 */
@Component("produceOverdueReport")
public class ProduceOverdueReport implements JavaDelegate {

  private final OverdueReports reports;
  private final StoredOverdueReports stored;
  private final Notifier notifier;
  private final Deadlines deadlines;
  private final EscalationProperties properties;

  public ProduceOverdueReport(OverdueReports reports, StoredOverdueReports stored, Notifier notifier,
      Deadlines deadlines, EscalationProperties properties) {
    this.reports = reports;
    this.stored = stored;
    this.notifier = notifier;
    this.deadlines = deadlines;
    this.properties = properties;
  }

  /** The report's timer cycle, for {@code <timeCycle>${produceOverdueReport.reportCycle}</timeCycle>}. */
  public String getReportCycle() {
    return properties.reportCycle();
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate to = deadlines.today().minusDays(1);
    LocalDate from = to.minusDays(properties.reportPeriodDays() - 1L);
    OverdueReports.Report report = reports.report(from, to);
    stored.store(from, to, report.generatedAt(), report.total(), reports.csv(report));
    execution.setVariable("overdueNodeCount", report.total());
    notifier.toGroups(List.of(properties.archiveGroup()), new Notification(null, "OVERDUE_REPORT",
        "超期节点统计表（" + from + " 至 " + to + "）",
        "本期超期节点 " + report.total() + " 个，其中仍未办结 " + report.open() + " 个。统计表已存档，可在“超期节点统计表”中下载。",
        null, execution.getProcessInstanceId(), null));
  }
}
