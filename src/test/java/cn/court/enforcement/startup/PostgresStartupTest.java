package cn.court.enforcement.startup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.support.PostgresDatabase;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production profile on the real PostgreSQL server (127.0.0.1:5432, trust auth), in a
 * database created fresh for this run. No skipping: without the server this test fails.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=" + PostgresStartupTest.URL,
    "spring.datasource.username=postgres",
    "camunda.bpm.admin-user.id=court-admin",
    "camunda.bpm.admin-user.password=Pg-Test-Admin-2026"})
@ActiveProfiles("postgres")
class PostgresStartupTest {

  static final String DATABASE = "enforcement_it";
  static final String URL = PostgresDatabase.SERVER + DATABASE;

  static {
    PostgresDatabase.recreate(DATABASE);
  }

  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;

  @Test
  void createsTheSchemaLoadsTheOrganisationWithoutDemoPasswords() {
    assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo(DATABASE);
    assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_name = 'act_re_procdef'",
        Integer.class)).isOne();
    assertThat(jdbc.queryForObject("select count(*) from act_id_group", Integer.class)).isEqualTo(26);
    assertThat(identity.checkPassword("lilinxia", "demo")).isFalse();
    assertThat(identity.checkPassword("court-admin", "Pg-Test-Admin-2026")).isTrue();
  }
}
