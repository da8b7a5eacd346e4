package cn.court.enforcement.migration;

import cn.court.enforcement.support.PostgresDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * {@link CaseMigrationTest} on PostgreSQL, the production database: the dry run's rolled-back
 * rehearsals and the batch behave there as on H2. In a database created for this run; fails,
 * never skips, without the server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=" + CaseMigrationPostgresTest.URL, "spring.datasource.username=postgres",
    "court.migration.mapping-directory=file:target/migration-test/"})
@DirtiesContext
class CaseMigrationPostgresTest extends CaseMigrationTest {

  static final String DATABASE = "enforcement_migration";
  static final String URL = PostgresDatabase.SERVER + DATABASE;

  static {
    PostgresDatabase.recreate(DATABASE);
  }
}
