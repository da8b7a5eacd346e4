package cn.court.enforcement.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The query code: readable, random, stored only hashed, shown once, replaced when lost. */
class QueryCodesTest {

  private static final JdbcTemplate JDBC = migrated();
  private static final AtomicInteger SERIAL = new AtomicInteger();

  private final QueryCodes codes = new QueryCodes(JDBC);

  private static JdbcTemplate migrated() {
    DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:disclosure-codes;DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return new JdbcTemplate(dataSource);
  }

  private static String filedCase() {
    String caseNumber = "（2026）豫0000执" + SERIAL.incrementAndGet() + "号";
    Timestamp now = Timestamp.valueOf(LocalDateTime.now());
    JDBC.update("""
        INSERT INTO case_file (case_number, process_instance_id, filing_date, case_kind, non_litigation, amount_claimed,
          basis_document_number, basis_court, basis_type, registered_at, updated_at)
        VALUES (?, 'pi', ?, 'money-payment', FALSE, 1000, '（2025）豫0000民初1号', '某县人民法院', 'judgment', ?, ?)""",
        caseNumber, Date.valueOf(LocalDate.of(2026, 3, 2)), now, now);
    return caseNumber;
  }

  @Test
  void codeIsEightCharactersWithoutLookAlikesAndStoredOnlyHashed() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      String caseNumber = filedCase();
      String code = codes.issue(caseNumber);
      assertThat(code).hasSize(QueryCodes.LENGTH).matches("[" + QueryCodes.ALPHABET + "]+").doesNotContain("0", "O", "1", "I", "L");
      seen.add(code);
      assertThat(codes.matches(caseNumber, code)).isTrue();
      codes.takeForNotice(caseNumber);
      assertThat(JDBC.queryForList("SELECT * FROM disclosure_query_code WHERE case_number = ?", caseNumber).get(0)
          .values()).noneMatch(value -> String.valueOf(value).contains(code));
    }
    assertThat(seen).as("random codes").hasSize(20);
  }

  @Test
  void typedCodeIsForgivingAboutCaseAndSpacesButNotAboutCharacters() {
    String caseNumber = filedCase();
    String code = codes.issue(caseNumber);
    String typed = " " + code.substring(0, 4).toLowerCase() + "-" + code.substring(4) + " ";
    assertThat(codes.matches(caseNumber, QueryCodes.normalised(typed))).isTrue();
    String wrong = (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);
    assertThat(codes.matches(caseNumber, wrong)).isFalse();
    assertThat(codes.matches("（2026）豫0000执999999号", code)).as("unknown case").isFalse();
  }

  @Test
  void noticeShowsTheCodeOnceAndAReissuedCodeReplacesTheOldOne() {
    String caseNumber = filedCase();
    String first = codes.issue(caseNumber);
    assertThat(codes.printedAt(caseNumber)).isEmpty();
    assertThat(codes.takeForNotice(caseNumber)).contains(first);
    assertThat(codes.takeForNotice(caseNumber)).as("printed once").isEmpty();
    assertThat(codes.printedAt(caseNumber)).isPresent();
    assertThat(codes.matches(caseNumber, first)).as("still valid after printing").isTrue();

    String second = codes.issue(caseNumber);
    assertThat(codes.matches(caseNumber, second)).isTrue();
    assertThat(codes.matches(caseNumber, first)).as("the lost code").isEqualTo(first.equals(second));
    assertThat(codes.printedAt(caseNumber)).as("a new code waits for its notice").isEmpty();
    assertThat(codes.takeForNotice(caseNumber)).contains(second);
  }
}
