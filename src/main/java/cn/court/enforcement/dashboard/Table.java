package cn.court.enforcement.dashboard;

import cn.court.enforcement.escalation.OverdueReportController;
import cn.court.enforcement.escalation.OverdueReports;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;

/**
 * One table of the supervision page: Chinese column labels and rows keyed by column. The page
 * draws it and its chart from the JSON; {@code ?format=csv} gives the same rows to Excel.
 * Columns {@code caseNumber} and {@code processInstanceId} let the page link a row to the case
 * page and to Cockpit.
 */
public record Table(String title, List<Column> columns, List<Map<String, Object>> rows) {

  public record Column(String key, String label) {}

  public static Column column(String key, String label) {
    return new Column(key, label);
  }

  /** UTF-8 with a byte-order mark for Excel, every cell escaped against formula injection, as the overdue table. */
  public ResponseEntity<byte[]> csv(String fileName) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append(columns.stream().map(c -> OverdueReports.cell(c.label())).collect(Collectors.joining(","))).append("\r\n");
    for (Map<String, Object> row : rows) {
      csv.append(columns.stream().map(c -> OverdueReports.cell(text(row.get(c.key())))).collect(Collectors.joining(",")))
          .append("\r\n");
    }
    return OverdueReportController.csv(csv.toString(), fileName);
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof BigDecimal amount ? amount.toPlainString() : value.toString();
  }
}
