package cn.court.enforcement.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.calendar.CalendarProperties;
import cn.court.enforcement.escalation.OverdueReports.Report;
import cn.court.enforcement.escalation.OverdueReports.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The overdue-node table as CSV: cells a user typed can never become an Excel formula. */
class OverdueReportsCsvTest {

  private final OverdueReports reports = new OverdueReports(null, null, null, null,
      new CalendarProperties(null, null, null));

  @ParameterizedTest
  @ValueSource(strings = {"=1+2", "+1+2", "-1+2", "@SUM(A1)", "\t=1", "\r=1"})
  void aCellStartingLikeAFormulaIsQuotedAsText(String value) {
    assertThat(OverdueReports.cell(value)).isEqualTo("\"'" + value + "\"");
  }

  @Test
  void quotesInsideAFormulaCellAreDoubled() {
    assertThat(OverdueReports.cell("=HYPERLINK(\"http://x\",\"点击\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\"");
  }

  @Test
  void ordinaryValuesStayAsTheyAre() {
    assertThat(OverdueReports.cell("丁一")).isEqualTo("丁一");
    assertThat(OverdueReports.cell("（2026）豫0000执1号")).isEqualTo("（2026）豫0000执1号");
    assertThat(OverdueReports.cell("2026-03-03 09:00")).isEqualTo("2026-03-03 09:00");
    assertThat(OverdueReports.cell("7")).isEqualTo("7");
    assertThat(OverdueReports.cell("")).isEmpty();
    assertThat(OverdueReports.cell("张三, 李四")).isEqualTo("\"张三, 李四\"");
    assertThat(OverdueReports.cell("中间的=号")).isEqualTo("中间的=号");
  }

  @Test
  void theTableEscapesUserTextAndKeepsWorkingDaysANumber() {
    Row row = new Row("documents", "@文书组", "dingyi", "=HYPERLINK(\"http://x\")", "（2026）豫0000执1号",
        "-发出执行通知书", "3 个工作日", "2026-02-20 17:00", "2026-02-21 00:00", "", true, false, 7);
    Report report = new Report(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 31), Instant.EPOCH, 1, 1,
        List.of(), List.of(), List.of(row));

    String[] lines = reports.csv(report).split("\r\n");

    assertThat(lines).hasSize(2);
    assertThat(lines[1]).isEqualTo("\"'@文书组\",\"'=HYPERLINK(\"\"http://x\"\")\",（2026）豫0000执1号,"
        + "\"'-发出执行通知书\",3 个工作日,2026-02-20 17:00,2026-02-21 00:00,,超期未办结,7");
  }
}
