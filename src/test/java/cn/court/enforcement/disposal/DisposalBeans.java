package cn.court.enforcement.disposal;

import cn.court.enforcement.calendar.CalendarProperties;
import cn.court.enforcement.calendar.CaseClock;
import cn.court.enforcement.calendar.Deadlines;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.OrganisationFile;
import cn.court.enforcement.support.CourtCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The beans asset-disposal.bpmn refers to, as the real classes on an in-memory H2 database migrated
 * by the project's Flyway scripts, with the real time-limit table, holidays and organisation file.
 */
final class DisposalBeans {

  static final DataSource DATA_SOURCE = migrated();
  static final JdbcTemplate JDBC = new JdbcTemplate(DATA_SOURCE);
  static final CalendarProperties CALENDAR = CourtCalendar.PROPERTIES;
  static final Deadlines DEADLINES = CourtCalendar.DEADLINES;

  final CaseClock caseClock = new CaseClock(JDBC, DEADLINES);
  final DisposalRegistry registry = new DisposalRegistry(JDBC);

  /** Registers every bean, the handlers taken from {@code organisation}. */
  DisposalBeans register(Organisation organisation) {
    Mocks.register("registerDisposal", new RegisterDisposal(organisation, registry));
    Mocks.register("disposalRegistry", registry);
    Mocks.register("disposalClock", new DisposalClock(caseClock, registry));
    Mocks.register("checkReferenceMethod", new CheckReferenceMethod());
    Mocks.register("selectAppraisers", new SelectAppraisers(new DisposalProperties(null), registry));
    Mocks.register("recordReferencePrice", new RecordReferencePrice(DEADLINES, registry));
    Mocks.register("handleObjection", new HandleObjection());
    Mocks.register("checkAuctionNotice", new CheckAuctionNotice(CALENDAR));
    Mocks.register("recordAuctionResult", new RecordAuctionResult());
    Mocks.register("decideInLieu", new DecideInLieu());
    Mocks.register("checkSaleOff", new CheckSaleOff(DEADLINES));
    Mocks.register("recordSaleOff", new RecordSaleOff());
    Mocks.register("decideUnsoldAsset", new DecideUnsoldAsset());
    Mocks.register("recordProceeds", new RecordProceeds());
    Mocks.register("reportDisposal", new ReportDisposal(registry));
    return this;
  }

  /** The court's organisation file as shipped. */
  static Organisation organisation() {
    return organisation(text("config/organisation.yml"));
  }

  static Organisation organisation(String yaml) {
    return OrganisationFile.parse(new StringReader(yaml), "organisation.yml");
  }

  static String text(String path) {
    try (InputStream in = resource(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String path) {
    InputStream in = DisposalBeans.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("not on the test class path: " + path);
    }
    return in;
  }

  private static DataSource migrated() {
    DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:disposal-flow;DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return dataSource;
  }
}
