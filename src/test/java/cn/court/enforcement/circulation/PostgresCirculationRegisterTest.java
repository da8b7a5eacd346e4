package cn.court.enforcement.circulation;

import cn.court.enforcement.support.PostgresDatabase;
import org.springframework.test.context.TestPropertySource;

/**
 * The circulation register on PostgreSQL (127.0.0.1:5432) in a database created for this run: its
 * look-ups (FETCH FIRST, the joins with the engine's task tables) and the unique register number.
 * Fails, never skips, without the server.
 */
@TestPropertySource(properties = {
    "spring.datasource.url=" + PostgresCirculationRegisterTest.URL,
    "spring.datasource.username=postgres"})
class PostgresCirculationRegisterTest extends CirculationRegisterContract {

  static final String DATABASE = "enforcement_circulation";
  static final String URL = PostgresDatabase.SERVER + DATABASE;

  static {
    PostgresDatabase.recreate(DATABASE);
  }
}
