package cn.court.enforcement.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Failed logins: logged at WARN and kept in {@code court_login_failure} for administrators. */
@Component
public class LoginFailures {

  /** The channel a login came through. */
  public enum Channel {
    /** HTTP Basic on {@code /engine-rest} or {@code /api}. */
    REST,
    /** The webapps' login form. */
    WEBAPP
  }

  public record LoginFailure(String userId, String address, Channel channel, Instant failedAt) {}

  static final int USER_ID_LENGTH = 128;
  private static final Logger LOG = LoggerFactory.getLogger(LoginFailures.class);

  private final JdbcTemplate jdbc;

  public LoginFailures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** {@code userId} is whatever the client sent: cut to the column and stripped of line breaks for the log. */
  public void record(String userId, String address, Channel channel) {
    String user = userId.replaceAll("\\p{Cntrl}", "?");
    user = user.length() > USER_ID_LENGTH ? user.substring(0, USER_ID_LENGTH) : user;
    LOG.warn("Failed login of user '{}' from {} ({})", user, address, channel);
    jdbc.update("insert into court_login_failure (user_id, address, channel, failed_at) values (?, ?, ?, ?)",
        user, address, channel.name(), Timestamp.from(Instant.now()));
  }

  /** The newest failures first. */
  public List<LoginFailure> latest(int limit) {
    return jdbc.query("select user_id, address, channel, failed_at from court_login_failure"
            + " order by failed_at desc, id desc limit ?",
        (rs, row) -> new LoginFailure(rs.getString(1), rs.getString(2), Channel.valueOf(rs.getString(3)),
            rs.getTimestamp(4).toInstant()), limit);
  }
}
