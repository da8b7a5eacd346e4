package cn.court.enforcement.escalation;

import cn.court.enforcement.security.ApiRefusal;
import cn.court.enforcement.security.CurrentStaff;
import cn.court.enforcement.calendar.Deadlines;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The overdue-node table for supervisors: current and historical, any period, as JSON or
 * CSV; and the reports produced for the archive centre.
 */
@RestController
@RequestMapping("/api/reports")
public class OverdueReportController {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final OverdueReports reports;
  private final StoredOverdueReports stored;
  private final CurrentStaff currentUser;
  private final Deadlines deadlines;
  private final EscalationProperties properties;

  public OverdueReportController(OverdueReports reports, StoredOverdueReports stored, CurrentStaff currentUser,
      Deadlines deadlines, EscalationProperties properties) {
    this.reports = reports;
    this.stored = stored;
    this.currentUser = currentUser;
    this.deadlines = deadlines;
    this.properties = properties;
  }

  /** {@code from}/{@code to} as yyyy-MM-dd, both included; default the last report period up to today. */
  @GetMapping("/overdue-nodes")
  public ResponseEntity<?> report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "json") String format) {
    checkReader();
    LocalDate end = day(to, deadlines.today(), "to");
    LocalDate start = day(from, end.minusDays(properties.reportPeriodDays() - 1L), "from");
    if (start.isAfter(end)) {
      throw new ApiRefusal(HttpStatus.BAD_REQUEST, "起始日期不能晚于截止日期。");
    }
    OverdueReports.Report report = reports.report(start, end);
    if ("csv".equalsIgnoreCase(format)) {
      return csv(reports.csv(report), "overdue-nodes-" + start + "-" + end + ".csv");
    }
    return ResponseEntity.ok(report);
  }

  @GetMapping("/overdue-nodes.csv")
  public ResponseEntity<?> reportCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return report(from, to, "csv");
  }

  @GetMapping("/overdue-nodes/archive")
  public List<StoredOverdueReports.Entry> archive() {
    checkReader();
    return stored.list();
  }

  @GetMapping("/overdue-nodes/archive/{id}.csv")
  public ResponseEntity<?> archived(@PathVariable long id) {
    checkReader();
    return csv(stored.csv(id).orElseThrow(() -> new ApiRefusal(HttpStatus.NOT_FOUND, "找不到该统计表。")),
        "overdue-nodes-" + id + ".csv");
  }

  private void checkReader() {
    currentUser.inAnyOf(properties.reportReaders(), "只有执行局领导、执行指挥中心、卷宗管理中心和系统管理员可以查看超期节点统计表。");
  }

  /** A CSV text (see {@link OverdueReports#cell}) as a download; also the circulation register's. */
  public static ResponseEntity<byte[]> csv(String text, String fileName) {
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
        .body(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A yyyy-MM-dd request parameter, or {@code otherwise} when absent; refused in Chinese when malformed. */
  public static LocalDate day(String text, LocalDate otherwise, String name) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new ApiRefusal(HttpStatus.BAD_REQUEST, "参数 " + name + " 应为日期（yyyy-MM-dd）：" + text);
    }
  }
}
