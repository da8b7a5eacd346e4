package cn.court.enforcement.termination;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Issues the numbers of resumed cases (执恢), one series per year, in the engine's transaction:
 * the year's row of {@code resumption_numbering} is locked until the new case is registered, so
 * two resumptions never get the same number; a year's first number locks the row of year 0 first.
 */
@Repository
public class ResumedCaseNumbers {

  private final JdbcTemplate jdbc;
  private final ResumptionProperties properties;

  public ResumedCaseNumbers(JdbcTemplate jdbc, ResumptionProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  public String next(int year) {
    Integer last = lastSerial(year);
    if (last == null) {
      lastSerial(0);
      last = lastSerial(year);
      if (last == null) {
        jdbc.update("insert into resumption_numbering (numbering_year, last_serial) values (?, 0)", year);
        last = 0;
      }
    }
    int serial = last + 1;
    jdbc.update("update resumption_numbering set last_serial = ? where numbering_year = ?", serial, year);
    return properties.caseNumber(year, serial);
  }

  private Integer lastSerial(int year) {
    List<Integer> rows = jdbc.queryForList(
        "select last_serial from resumption_numbering where numbering_year = ? for update", Integer.class, year);
    return rows.isEmpty() ? null : rows.get(0);
  }
}
