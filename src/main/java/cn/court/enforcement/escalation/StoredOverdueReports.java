package cn.court.enforcement.escalation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Overdue-node tables produced for the archive centre (table {@code court_overdue_report}). */
@Repository
public class StoredOverdueReports {

  public record Entry(long id, LocalDate from, LocalDate to, Instant generatedAt, int nodeCount) {}

  private final JdbcTemplate jdbc;

  public StoredOverdueReports(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void store(LocalDate from, LocalDate to, Instant generatedAt, int nodeCount, String csv) {
    jdbc.update("insert into court_overdue_report (period_from, period_to, generated_at, node_count, csv) "
        + "values (?, ?, ?, ?, ?)", Date.valueOf(from), Date.valueOf(to), Timestamp.from(generatedAt), nodeCount, csv);
  }

  public List<Entry> list() {
    return jdbc.query("select id, period_from, period_to, generated_at, node_count from court_overdue_report "
            + "order by generated_at desc, id desc",
        (rs, i) -> new Entry(rs.getLong("id"), rs.getDate("period_from").toLocalDate(),
            rs.getDate("period_to").toLocalDate(), rs.getTimestamp("generated_at").toInstant(), rs.getInt("node_count")));
  }

  public Optional<String> csv(long id) {
    return jdbc.queryForList("select csv from court_overdue_report where id = ?", String.class, id).stream().findFirst();
  }
}
