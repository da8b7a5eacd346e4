package cn.court.enforcement.circulation;

import cn.court.enforcement.calendar.CalendarProperties;
import cn.court.enforcement.calendar.Deadlines;
import cn.court.enforcement.casepage.CaseAccess;
import cn.court.enforcement.circulation.CirculationRegister.Entry;
import cn.court.enforcement.escalation.OverdueReportController;
import cn.court.enforcement.escalation.OverdueReports;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.security.ApiRefusal;
import cn.court.enforcement.security.CurrentStaff;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The circulation register per case and per unit, as JSON or CSV. A case's register is for whoever
 * sees the case ({@code casepage/CaseAccess}: the staff of its tasks, also after they ended, and
 * supervisors); a unit's for its members, supervisors (units marked {@code supervisor}) and
 * administrators. From a shell:
 * {@code curl -u wanghui:*** 'http://localhost:8080/api/circulation/cases?caseNumber=…&format=csv'}.
 */
@RestController
@RequestMapping("/api/circulation")
public class CirculationController {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  static final int DEFAULT_UNIT_DAYS = 31;

  /** One row as staff read it: codes and the names the organisation gives them. */
  public record Row(int seq, String kind, String registerNumber, String handedAt, String fromUnit, String fromUnitName,
      String fromPerson, String fromPersonName, String toUnit, String toUnitName, String toPerson, String toPersonName,
      String step, String process, String caseNumber) {}

  public record CaseRegister(String caseNumber, String registerNumber, List<Row> entries) {}

  public record UnitRegister(String unit, String unitName, LocalDate from, LocalDate to, List<Row> entries) {}

  private final CirculationRegister register;
  private final CurrentStaff currentStaff;
  private final CaseAccess caseAccess;
  private final Organisation organisation;
  private final Deadlines deadlines;
  private final ZoneId zone;

  public CirculationController(CirculationRegister register, CurrentStaff currentStaff, CaseAccess caseAccess,
      Organisation organisation, Deadlines deadlines, CalendarProperties calendar) {
    this.register = register;
    this.currentStaff = currentStaff;
    this.caseAccess = caseAccess;
    this.organisation = organisation;
    this.deadlines = deadlines;
    this.zone = calendar.zone();
  }

  @GetMapping("/cases")
  public ResponseEntity<?> ofCase(@RequestParam String caseNumber, @RequestParam(defaultValue = "json") String format) {
    String number = caseAccess.readable(caseNumber, "只能查看本人或本部门经手案件的流转登记。").caseNumber();
    List<Entry> entries = register.ofCase(number);
    if (entries.isEmpty()) {
      throw new ApiRefusal(HttpStatus.NOT_FOUND, "流转登记簿中没有案件 " + number + " 的记录。");
    }
    List<Row> rows = rows(entries);
    if ("csv".equalsIgnoreCase(format)) {
      return csv(rows, "circulation-" + number.replaceAll("[^0-9A-Za-z]", "") + ".csv");
    }
    String registerNumber = rows.stream().map(Row::registerNumber).filter(n -> n != null).findFirst().orElse(null);
    return ResponseEntity.ok(new CaseRegister(number, registerNumber, rows));
  }

  /** {@code from}/{@code to} as yyyy-MM-dd, both included; default the last 31 days up to today. */
  @GetMapping("/units/{unit}")
  public ResponseEntity<?> ofUnit(@PathVariable String unit, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(defaultValue = "json") String format) {
    Authentication staff = currentStaff.required();
    if (!isSupervisor(staff) && !groupsOf(staff).contains(unit)) {
      throw new ApiRefusal(HttpStatus.FORBIDDEN, "只能查看本部门的流转登记。");
    }
    LocalDate end = OverdueReportController.day(to, deadlines.today(), "to");
    LocalDate start = OverdueReportController.day(from, end.minusDays(DEFAULT_UNIT_DAYS - 1L), "from");
    if (start.isAfter(end)) {
      throw new ApiRefusal(HttpStatus.BAD_REQUEST, "起始日期不能晚于截止日期。");
    }
    List<Row> rows = rows(register.ofUnit(unit, instant(start), instant(end.plusDays(1))));
    if ("csv".equalsIgnoreCase(format)) {
      return csv(rows, "circulation-" + unit + "-" + start + "-" + end + ".csv");
    }
    return ResponseEntity.ok(new UnitRegister(unit, unitName(unit), start, end, rows));
  }

  private boolean isSupervisor(Authentication staff) {
    Set<String> supervisors = Stream.concat(Stream.of(Organisation.ADMIN_GROUP),
        organisation.units().stream().filter(Organisation.Unit::supervisor).map(Organisation.Unit::id))
        .collect(Collectors.toSet());
    return groupsOf(staff).stream().anyMatch(supervisors::contains);
  }

  private static List<String> groupsOf(Authentication staff) {
    return staff.getGroupIds() == null ? List.of() : staff.getGroupIds();
  }

  private List<Row> rows(List<Entry> entries) {
    List<Row> rows = new ArrayList<>();
    for (Entry e : entries) {
      rows.add(new Row(rows.size() + 1, e.kind(), e.registerNumber(), MINUTES.format(e.handedAt().toInstant().atZone(zone)),
          e.fromUnit(), unitName(e.fromUnit()), e.fromPerson(), personName(e.fromPerson()), e.toUnit(), unitName(e.toUnit()),
          e.toPerson(), personName(e.toPerson()), e.stepName(), e.processKey(), e.caseNumber()));
    }
    return rows;
  }

  /** UTF-8 with a byte-order mark for Excel, every cell escaped against formula injection, as the overdue table. */
  private static ResponseEntity<byte[]> csv(List<Row> rows, String fileName) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append("序号,案号,类型,流转登记簿编号,移交时间,移交单位,移交人,接收单位,接收人,接收环节,流程\r\n");
    for (Row r : rows) {
      List<String> cells = List.of(Integer.toString(r.seq()), nz(r.caseNumber()),
          CirculationRegister.REGISTRATION.equals(r.kind()) ? "登记" : "移交", nz(r.registerNumber()), r.handedAt(),
          nz(r.fromUnitName()), nz(r.fromPersonName()), nz(r.toUnitName()), nz(r.toPersonName()), nz(r.step()),
          nz(r.process()));
      csv.append(cells.stream().map(OverdueReports::cell).collect(Collectors.joining(","))).append("\r\n");
    }
    return OverdueReportController.csv(csv.toString(), fileName);
  }

  private String unitName(String id) {
    return id == null ? null : organisation.unit(id).map(Organisation.Unit::name).orElse(id);
  }

  private String personName(String id) {
    return id == null ? null : organisation.person(id).map(Organisation.Staff::name).orElse(id);
  }

  private Date instant(LocalDate day) {
    return Date.from(day.atStartOfDay(zone).toInstant());
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
