package cn.court.enforcement.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.support.PostgresDatabase;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** V5 turns each filed case's applicant and respondent columns into party rows, on both databases. */
class PartyMigrationTest {

  static {
    PostgresDatabase.recreate("party_migration");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdbc:h2:mem:party-migration;DB_CLOSE_DELAY=-1", PostgresDatabase.SERVER + "party_migration"})
  void existingCasesKeepTheirPartiesAndRecords(String url) {
    DataSource dataSource = new DriverManagerDataSource(url, url.contains("h2") ? "sa" : "postgres", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("4").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update("""
        INSERT INTO case_file (case_number, process_instance_id, filing_date, case_kind, non_litigation,
          amount_claimed, applicant_name, applicant_id_type, applicant_id_number, applicant_phone, applicant_address,
          respondent_name, respondent_id_type, respondent_id_number, respondent_phone, respondent_address,
          basis_document_number, basis_court, basis_type, registered_at, updated_at)
        VALUES ('（2026）豫0000执1号', 'pi-1', DATE '2026-03-02', 'money-payment', FALSE, 1000, '张三', 'resident-id',
          '11010519491231002X', '13800138000', '某县人民路1号', '某某建材有限公司', 'credit-code', '91350100M000100Y43',
          NULL, '某县工业园区8号', '（2025）豫0000民初1号', '某县人民法院', 'judgment',
          TIMESTAMP '2026-03-02 09:00:00', TIMESTAMP '2026-03-02 09:00:00')""");
    jdbc.update("""
        INSERT INTO case_measure (case_number, measure, performed_on, summary, recorded_at)
        VALUES ('（2026）豫0000执1号', 'interview-respondent', DATE '2026-03-09', '谈话', TIMESTAMP '2026-03-09 10:00:00')""");

    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("5").load().migrate();

    assertThat(jdbc.queryForList("""
        SELECT role || '|' || position || '|' || kind || '|' || name || '|' || id_type || '|' || id_number || '|'
          || COALESCE(phone, '-') || '|' || address FROM case_party ORDER BY position""", String.class))
        .containsExactly("applicant|1|person|张三|resident-id|11010519491231002X|13800138000|某县人民路1号",
            "respondent|2|organisation|某某建材有限公司|credit-code|91350100M000100Y43|-|某县工业园区8号");
    assertThat(jdbc.queryForList("SELECT measure FROM case_measure WHERE party_id IS NULL", String.class))
        .containsExactly("interview-respondent");
    assertThat(jdbc.queryForObject("""
        SELECT COUNT(*) FROM information_schema.columns
        WHERE LOWER(table_name) = 'case_file' AND LOWER(column_name) LIKE 'applicant%'""", Integer.class)).isZero();
  }
}
