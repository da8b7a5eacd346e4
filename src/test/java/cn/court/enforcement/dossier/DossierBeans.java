package cn.court.enforcement.dossier;

import cn.court.enforcement.handler.Teams;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.OrganisationTestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The beans of the dossier processes as the real classes on an in-memory H2 database migrated by
 * the project's Flyway scripts, with the demo organisation.
 */
final class DossierBeans {

  static final JdbcTemplate JDBC = new JdbcTemplate(migrated());
  static final Organisation ORGANISATION = demo();

  final DossierRegister register = new DossierRegister(JDBC);

  DossierBeans register() {
    Mocks.register("registerPaperReturn", new RegisterPaperReturn(register, new Teams(ORGANISATION)));
    Mocks.register("recordHandOver", new HandOverSteps.RecordHandOver(register));
    Mocks.register("recordMaterialCheck", new HandOverSteps.RecordMaterialCheck(register));
    Mocks.register("recordChiefDecision", new HandOverSteps.RecordChiefDecision(register));
    Mocks.register("catalogueDocument", new CatalogueDocument(register, DocumentStore.METADATA_ONLY));
    Mocks.register("bureauChief", new BureauChief(ORGANISATION));
    return this;
  }

  private static Organisation demo() {
    try {
      return OrganisationTestData.demo();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DataSource migrated() {
    DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:dossier-flow;DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return dataSource;
  }
}
