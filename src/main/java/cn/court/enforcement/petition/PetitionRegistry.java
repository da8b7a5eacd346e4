package cn.court.enforcement.petition;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The petitions (table {@code petition}), one row per {@code petition} instance. Uses the engine's
 * DataSource and transaction: a refused step records nothing. Times follow the engine clock.
 */
@Repository
public class PetitionRegistry {

  private static final String COLUMNS = "id, process_instance_id, kind, petitioner, handed_down_by, handed_down_reference, "
      + "procuratorate_document, deadline_given, matter, received_on, case_number, registered_by, registered_at, findings, "
      + "reply, reply_to, reply_method, recommendation_outcome, replied_on, replied_by, returned_times, closed_off_by, "
      + "closed_off_at";

  private final JdbcTemplate jdbc;

  public PetitionRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What the registration form gives. */
  public record Registration(PetitionKind kind, String petitioner, String contact, String handedDownBy,
      String handedDownReference, String procuratorateDocument, LocalDate deadlineGiven, String matter,
      LocalDate receivedOn, String caseNumber, String replyTo) {}

  /** Registers the petition of the instance; returns its registration number. */
  public long register(Registration petition, String processInstanceId, String registeredBy) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var insert = connection.prepareStatement("""
          INSERT INTO petition (process_instance_id, kind, petitioner, petitioner_contact, handed_down_by,
            handed_down_reference, procuratorate_document, deadline_given, matter, received_on, case_number, reply_to,
            registered_by, registered_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      insert.setString(1, processInstanceId);
      insert.setString(2, petition.kind().value());
      insert.setString(3, petition.petitioner());
      insert.setString(4, petition.contact());
      insert.setString(5, petition.handedDownBy());
      insert.setString(6, petition.handedDownReference());
      insert.setString(7, petition.procuratorateDocument());
      insert.setDate(8, petition.deadlineGiven() == null ? null : Date.valueOf(petition.deadlineGiven()));
      insert.setString(9, petition.matter());
      insert.setDate(10, Date.valueOf(petition.receivedOn()));
      insert.setString(11, petition.caseNumber());
      insert.setString(12, petition.replyTo());
      insert.setString(13, registeredBy);
      insert.setTimestamp(14, now());
      return insert;
    }, key);
    return key.getKey().longValue();
  }

  /** The reply as recorded (again after a return). */
  public void reply(String processInstanceId, String findings, String reply, String method, String outcome,
      LocalDate repliedOn, String repliedBy) {
    update("UPDATE petition SET findings = ?, reply = ?, reply_method = ?, recommendation_outcome = ?, replied_on = ?, "
        + "replied_by = ? WHERE process_instance_id = ?", findings, reply, method, outcome, repliedOn, repliedBy,
        processInstanceId);
  }

  public void returned(String processInstanceId) {
    update("UPDATE petition SET returned_times = returned_times + 1 WHERE process_instance_id = ?", processInstanceId);
  }

  public void closeOff(String processInstanceId, String by) {
    update("UPDATE petition SET closed_off_by = ?, closed_off_at = ? WHERE process_instance_id = ?", by, now(),
        processInstanceId);
  }

  /** A case's petitions, oldest first. */
  public List<Petition> ofCase(String caseNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM petition WHERE case_number = ? ORDER BY id", PetitionRegistry::petition,
        caseNumber);
  }

  public Petition ofInstance(String processInstanceId) {
    return jdbc.queryForObject("SELECT " + COLUMNS + " FROM petition WHERE process_instance_id = ?",
        PetitionRegistry::petition, processInstanceId);
  }

  private void update(String sql, Object... arguments) {
    if (jdbc.update(sql, arguments) != 1) {
      throw new IllegalStateException("No petition is registered for instance " + arguments[arguments.length - 1]);
    }
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  private static Petition petition(ResultSet row, int n) throws SQLException {
    String kind = row.getString("kind");
    return new Petition(row.getLong("id"), row.getString("process_instance_id"), kind,
        PetitionKind.of(kind).map(PetitionKind::label).orElse(kind), row.getString("petitioner"),
        row.getString("handed_down_by"), row.getString("handed_down_reference"), row.getString("procuratorate_document"),
        day(row.getDate("deadline_given")), row.getString("matter"), day(row.getDate("received_on")),
        row.getString("case_number"), row.getString("registered_by"), time(row.getTimestamp("registered_at")),
        row.getString("findings"), row.getString("reply"), row.getString("reply_to"), row.getString("reply_method"),
        row.getString("recommendation_outcome"), day(row.getDate("replied_on")), row.getString("replied_by"),
        row.getInt("returned_times"), row.getString("closed_off_by"), time(row.getTimestamp("closed_off_at")));
  }

  private static LocalDate day(Date date) {
    return date == null ? null : date.toLocalDate();
  }

  private static LocalDateTime time(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toLocalDateTime();
  }
}
