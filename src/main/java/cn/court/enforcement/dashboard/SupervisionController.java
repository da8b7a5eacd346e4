package cn.court.enforcement.dashboard;

import static cn.court.enforcement.dashboard.Table.column;

import cn.court.enforcement.allocation.ChainVerification;
import cn.court.enforcement.allocation.ChainVerifier;
import cn.court.enforcement.allocation.FairnessReport;
import cn.court.enforcement.allocation.FairnessService;
import cn.court.enforcement.escalation.OverdueReportController;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.security.ApiRefusal;
import cn.court.enforcement.security.CurrentStaff;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data of the supervision page (/court/supervision.html) for the organisation's supervising
 * units and the administrators; each table also as CSV ({@code ?format=csv}). From a shell:
 * {@code curl -u juzhang:*** 'http://localhost:8080/api/supervision/open-cases?format=csv'}.
 */
@RestController
@RequestMapping("/api/supervision")
public class SupervisionController {

  static final int MAX_MONTHS = 60;
  static final int MAX_WEEKS = 104;

  /** The allocation audit: the fairness table, the chi-square test and the ledger verification. */
  public record Fairness(Table table, FairnessReport report, ChainVerification verification) {}

  private final CurrentStaff currentStaff;
  private final SupervisionFigures figures;
  private final FairnessService fairness;
  private final ChainVerifier verifier;
  private final Organisation organisation;
  /** The units marked {@code supervisor} in the organisation file, and the administrators. */
  private final Set<String> readers;

  public SupervisionController(CurrentStaff currentStaff, SupervisionFigures figures, FairnessService fairness,
      ChainVerifier verifier, Organisation organisation) {
    this.currentStaff = currentStaff;
    this.figures = figures;
    this.fairness = fairness;
    this.verifier = verifier;
    this.organisation = organisation;
    this.readers = Stream.concat(Stream.of(Organisation.ADMIN_GROUP),
        organisation.units().stream().filter(Organisation.Unit::supervisor).map(Organisation.Unit::id))
        .collect(Collectors.toUnmodifiableSet());
  }

  @GetMapping("/open-cases")
  public ResponseEntity<?> openCases(@RequestParam(defaultValue = "json") String format) {
    return answer(figures::openCases, format, "open-cases");
  }

  @GetMapping("/handlers")
  public ResponseEntity<?> handlers(@RequestParam(defaultValue = "json") String format) {
    return answer(figures::handlers, format, "handlers");
  }

  /** Overdue now, or with {@code week} (a Monday, yyyy-MM-dd) those that became overdue that week; {@code assignee} narrows to one person. */
  @GetMapping("/overdue")
  public ResponseEntity<?> overdue(@RequestParam(required = false) String week,
      @RequestParam(required = false) String assignee, @RequestParam(defaultValue = "json") String format) {
    requireReader();
    LocalDate monday = OverdueReportController.day(week, null, "week");
    if (monday != null && monday.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new ApiRefusal(HttpStatus.BAD_REQUEST, "参数 week 应为一周的周一：" + week);
    }
    String person = assignee == null || assignee.isBlank() ? null : assignee.strip();
    return respond(figures.overdueNodes(monday, person), format, "overdue-nodes");
  }

  @GetMapping("/overdue-weeks")
  public ResponseEntity<?> overdueWeeks(@RequestParam(defaultValue = "12") String weeks,
      @RequestParam(defaultValue = "json") String format) {
    requireReader();
    return respond(figures.overdueWeeks(count(weeks, "weeks", MAX_WEEKS)), format, "overdue-weeks");
  }

  @GetMapping("/closures")
  public ResponseEntity<?> closures(@RequestParam(defaultValue = "12") String months,
      @RequestParam(defaultValue = "json") String format) {
    requireReader();
    return respond(figures.closuresInTerm(count(months, "months", MAX_MONTHS)), format, "closures-in-term");
  }

  @GetMapping("/closure-kinds")
  public ResponseEntity<?> closureKinds(@RequestParam(defaultValue = "12") String months,
      @RequestParam(defaultValue = "json") String format) {
    requireReader();
    return respond(figures.closureKinds(count(months, "months", MAX_MONTHS)), format, "closure-kinds");
  }

  @GetMapping("/stage-times")
  public ResponseEntity<?> stageTimes(@RequestParam(defaultValue = "12") String months,
      @RequestParam(defaultValue = "json") String format) {
    requireReader();
    return respond(figures.stageTimes(count(months, "months", MAX_MONTHS)), format, "stage-times");
  }

  /** The same figures as /api/allocation/fairness and /verification, with the table the page draws. */
  @GetMapping("/fairness")
  public ResponseEntity<?> fairness(@RequestParam(defaultValue = "json") String format) {
    requireReader();
    FairnessReport report = fairness.report();
    Table table = fairnessTable(report);
    if ("csv".equalsIgnoreCase(format)) {
      return table.csv("allocation-fairness.csv");
    }
    return ResponseEntity.ok(new Fairness(table, report, verifier.verify()));
  }

  @GetMapping("/money")
  public ResponseEntity<?> money(@RequestParam(defaultValue = "json") String format) {
    return answer(figures::money, format, "case-money");
  }

  @GetMapping("/late-payouts")
  public ResponseEntity<?> latePayouts(@RequestParam(defaultValue = "json") String format) {
    return answer(figures::latePayouts, format, "late-payouts");
  }

  /** Draws per ordinary team among the draws from the full pool, against an equal share of them. */
  private Table fairnessTable(FairnessReport report) {
    List<Map<String, Object>> rows = new ArrayList<>();
    double expected = report.pool().isEmpty() ? 0 : (double) report.fullPoolDraws() / report.pool().size();
    for (String team : report.pool()) {
      rows.add(SupervisionFigures.row("team", team,
          "teamName", organisation.unit(team).map(Organisation.Unit::name).orElse(team),
          "observed", report.fullPoolCounts().getOrDefault(team, 0L),
          "expected", BigDecimal.valueOf(expected).setScale(1, RoundingMode.HALF_UP),
          "allDraws", report.countsPerTeam().getOrDefault(team, 0L)));
    }
    return new Table("随机分案公平性（全部团队参与的抽签）", List.of(column("teamName", "团队"),
        column("observed", "分到案件数"), column("expected", "期望数"), column("allDraws", "全部抽签中分到")), rows);
  }

  private ResponseEntity<?> answer(Supplier<Table> table, String format, String fileName) {
    requireReader();
    return respond(table.get(), format, fileName);
  }

  private static ResponseEntity<?> respond(Table table, String format, String fileName) {
    return "csv".equalsIgnoreCase(format) ? table.csv(fileName + ".csv") : ResponseEntity.ok(table);
  }

  private void requireReader() {
    currentStaff.inAnyOf(readers, "监督页面仅供执行局领导、执行指挥中心和系统管理员查看。");
  }

  private static int count(String text, String name, int max) {
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below, in Chinese
    }
    throw new ApiRefusal(HttpStatus.BAD_REQUEST, "参数 " + name + " 应为 1 到 " + max + " 之间的整数：" + text);
  }
}
