package cn.court.enforcement.escalation;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sweepCycle when the escalation-sweep process checks the open nodes of all processes (timer cycle: cron
 *     in the court's time zone, or ISO 8601 repetition); default every 15 minutes
 * @param sweepPageSize how many open tasks the sweep reads at a time
 * @param remindWorkingDaysBefore the assignee is reminded from this many working days before the due day
 * @param badlyOverdueWorkingDays a node this many working days past its due day goes to the bureau leaders
 * @param bureauLeadersGroup who hears of badly overdue nodes
 * @param reportReaders groups that may read the overdue-node table
 * @param reportCycle when the overdue-report process runs (timer cycle; weekly by default)
 * @param reportPeriodDays the period each produced report covers, ending yesterday
 * @param archiveGroup who receives the produced report (卷宗管理中心)
 */
@ConfigurationProperties(prefix = "court.escalation")
public record EscalationProperties(String sweepCycle, Integer sweepPageSize, Integer remindWorkingDaysBefore, Integer badlyOverdueWorkingDays,
    String bureauLeadersGroup, List<String> reportReaders, String reportCycle, Integer reportPeriodDays,
    String archiveGroup) {

  public EscalationProperties {
    sweepCycle = sweepCycle == null ? "0 0/15 * * * ?" : sweepCycle;
    sweepPageSize = sweepPageSize == null ? 500 : sweepPageSize;
    remindWorkingDaysBefore = remindWorkingDaysBefore == null ? 1 : remindWorkingDaysBefore;
    badlyOverdueWorkingDays = badlyOverdueWorkingDays == null ? 5 : badlyOverdueWorkingDays;
    bureauLeadersGroup = bureauLeadersGroup == null ? "bureau-leaders" : bureauLeadersGroup;
    reportReaders = reportReaders == null
        ? List.of("bureau-leaders", "command-center", "archive", "camunda-admin") : List.copyOf(reportReaders);
    reportCycle = reportCycle == null ? "0 0 8 ? * MON" : reportCycle;
    reportPeriodDays = reportPeriodDays == null ? 7 : reportPeriodDays;
    archiveGroup = archiveGroup == null ? "archive" : archiveGroup;
  }
}
