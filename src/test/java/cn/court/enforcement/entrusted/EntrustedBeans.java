package cn.court.enforcement.entrusted;

import cn.court.enforcement.calendar.CalendarProperties;
import cn.court.enforcement.calendar.Deadlines;
import cn.court.enforcement.calendar.TimeLimitTable;
import cn.court.enforcement.calendar.WorkingCalendar;
import cn.court.enforcement.casefile.CaseRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The beans of entrusted-matter.bpmn and of the case's side of it, as the real classes on the test's
 * database, with the real time-limit table and holidays: for this package's tests and the case's.
 */
public final class EntrustedBeans {

  public final EntrustedMatters matters;

  public EntrustedBeans(JdbcTemplate jdbc) {
    this.matters = new EntrustedMatters(jdbc);
  }

  /** Registers every bean; {@code registry} is the case registry the case's report writes to. */
  public EntrustedBeans register(CaseRegistry registry) {
    Deadlines deadlines = new Deadlines(TimeLimitTable.read(resource("config/time-limits.yml"), "time-limits.yml"),
        WorkingCalendar.read(resource("config/cn-holidays.json"), "cn-holidays.json"),
        new CalendarProperties(null, null, null));
    EntrustedTerm term = new EntrustedTerm(deadlines, matters);
    Mocks.register("entrustedMatters", matters);
    Mocks.register("entrustedTerm", term);
    Mocks.register("registerEntrustedRequest", new RegisterEntrustedRequest(matters, term));
    Mocks.register("registerOfflineRequest", new RegisterOfflineRequest(matters, deadlines));
    Mocks.register("recordEntrustedStep", new RecordEntrustedStep(matters));
    Mocks.register("reportEntrustedMatter", new ReportEntrustedMatter(matters));
    Mocks.register("requestOfflineMeasure", new RequestOfflineMeasure());
    Mocks.register("recordEntrustedReport", new RecordEntrustedReport(matters, registry));
    return this;
  }

  private static InputStream resource(String path) {
    InputStream in = EntrustedBeans.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new UncheckedIOException(new IOException("not on the test class path: " + path));
    }
    return in;
  }
}
