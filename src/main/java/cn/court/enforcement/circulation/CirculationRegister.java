package cn.court.enforcement.circulation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The circulation register (全局案卷统一流转登记簿, table circulation_entry of V14). Rows are only
 * inserted; the receiving person is read from the receiving task (running or finished), so a claim
 * or an assignment writes nothing here.
 */
@Component
public class CirculationRegister {

  static final String HAND_OVER = "hand-over";
  static final String REGISTRATION = "registration";

  /** A unit receiving the case at a step ({@code toTaskId}), from a unit and person ({@code null} when unknown). */
  public record HandOver(String caseNumber, Date handedAt, String fromUnit, String fromPerson, String toUnit,
      String toTaskId, String stepKey, String stepName, String processKey, String processInstanceId) {}

  /** A row as shown: {@code toPerson} is who claimed or was assigned the receiving step, if anyone. */
  public record Entry(long id, String caseNumber, String kind, String registerNumber, Date handedAt, String fromUnit,
      String fromPerson, String toUnit, String toPerson, String stepName, String processKey) {}

  private static final String SELECT = """
      SELECT e.id, e.case_number, e.kind, e.register_number, e.handed_at, e.from_unit, e.from_person, e.to_unit,
        COALESCE(rt.ASSIGNEE_, ht.ASSIGNEE_), e.step_name, e.process_key
      FROM circulation_entry e
      LEFT JOIN ACT_RU_TASK rt ON rt.ID_ = e.to_task_id
      LEFT JOIN ACT_HI_TASKINST ht ON ht.ID_ = e.to_task_id
      """;

  private final JdbcTemplate jdbc;

  public CirculationRegister(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void handOver(HandOver h) {
    insert(h, HAND_OVER, null);
  }

  /** The case's registration under the number the documents unit gives. */
  void register(HandOver registration, String number) {
    insert(registration, REGISTRATION, number);
  }

  private void insert(HandOver h, String kind, String number) {
    jdbc.update("""
        INSERT INTO circulation_entry (case_number, kind, register_number, handed_at, from_unit, from_person, to_unit,
          to_task_id, step_key, step_name, process_key, process_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        h.caseNumber(), kind, number, new Timestamp(h.handedAt().getTime()), h.fromUnit(), h.fromPerson(), h.toUnit(),
        h.toTaskId(), h.stepKey(), h.stepName(), h.processKey(), h.processInstanceId());
  }

  /** The unit that received this process instance last, or else the case: who holds it now. */
  Optional<String> holderOf(String processInstanceId, String caseNumber) {
    List<String> units = jdbc.queryForList("""
        SELECT to_unit FROM circulation_entry WHERE process_instance_id = ? AND kind = 'hand-over'
        ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""", String.class, processInstanceId);
    if (units.isEmpty()) {
      units = jdbc.queryForList("""
          SELECT to_unit FROM circulation_entry WHERE case_number = ? AND kind = 'hand-over'
          ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""", String.class, caseNumber);
    }
    return units.stream().findFirst();
  }

  /** Who completed the last finished step of the process instance (a timer or a job gives nobody else's work). */
  Optional<String> lastWorkerOf(String processInstanceId) {
    return jdbc.queryForList("""
        SELECT ASSIGNEE_ FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ = ? AND END_TIME_ IS NOT NULL
        ORDER BY END_TIME_ DESC FETCH FIRST 1 ROWS ONLY""", String.class, processInstanceId).stream()
        .filter(Objects::nonNull).findFirst(); // a step completed without an assignee names nobody
  }

  /** The case's register: its registration first, then every hand-over in order. */
  public List<Entry> ofCase(String caseNumber) {
    return jdbc.query(SELECT + " WHERE e.case_number = ? ORDER BY CASE WHEN e.kind = 'registration' THEN 0 ELSE 1 END, e.id",
        CirculationRegister::entry, caseNumber);
  }

  /** What the unit gave or received in the period [from, to), oldest first. */
  public List<Entry> ofUnit(String unit, Date from, Date to) {
    return jdbc.query(SELECT + " WHERE (e.to_unit = ? OR e.from_unit = ?) AND e.handed_at >= ? AND e.handed_at < ? ORDER BY e.id",
        CirculationRegister::entry, unit, unit, new Timestamp(from.getTime()), new Timestamp(to.getTime()));
  }

  private static Entry entry(ResultSet rs, int row) throws SQLException {
    return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
  }
}
