package cn.court.enforcement.e2e;

import cn.court.enforcement.support.PostgresDatabase;
import org.springframework.test.context.TestPropertySource;

/**
 * The walk from seizure to payout on PostgreSQL (127.0.0.1:5432) in a database created for this
 * run: the amounts stay exact to the fen in NUMERIC columns. Fails, never skips, without the server.
 */
@TestPropertySource(properties = {
    "spring.datasource.url=" + PostgresDisposalToPayoutTest.URL,
    "spring.datasource.username=postgres"})
class PostgresDisposalToPayoutTest extends DisposalToPayoutTest {

  static final String DATABASE = "enforcement_e2e_disposal";
  static final String URL = PostgresDatabase.SERVER + DATABASE;

  static {
    PostgresDatabase.recreate(DATABASE);
  }
}
