package cn.court.enforcement.e2e;

import cn.court.enforcement.support.PostgresDatabase;
import org.springframework.test.context.TestPropertySource;

/**
 * The end-to-end scenario on PostgreSQL (127.0.0.1:5432) in a database created for this run,
 * with the demo organisation (default profile). Fails, never skips, without the server.
 */
@TestPropertySource(properties = {
    "spring.datasource.url=" + PostgresEndToEndTest.URL,
    "spring.datasource.username=postgres"})
class PostgresEndToEndTest extends EnforcementCaseEndToEnd {

  static final String DATABASE = "enforcement_e2e";
  static final String URL = PostgresDatabase.SERVER + DATABASE;

  static {
    PostgresDatabase.recreate(DATABASE);
  }
}
