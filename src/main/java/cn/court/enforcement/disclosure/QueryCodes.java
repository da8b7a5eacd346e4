package cn.court.enforcement.disclosure;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The applicant's query code (查询码): generated when the case is filed, printed once on the
 * acceptance notice, kept only as a salted PBKDF2 hash. Eight characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L) are about 2^39 codes: a hash cannot make so short a
 * code safe against someone who has the table, and nothing stops guessing over HTTP but
 * {@link DisclosureThrottle}. The hash keeps the code out of backups, logs and Cockpit.
 */
@Repository
public class QueryCodes {

  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  static final int LENGTH = 8;
  /**
   * Few, for a hash: every filing pays it, and more would not make a 2^39 code hard to recover from
   * the table anyway. Stored per row, so it can be raised for new codes.
   */
  static final int ITERATIONS = 10_000;
  /** Hashed for an unknown case number, so that it takes as long to refuse as a wrong code. */
  private static final byte[] NO_CASE_SALT = new byte[16];

  private static final HexFormat HEX = HexFormat.of();
  private final SecureRandom random = new SecureRandom();
  private final JdbcTemplate jdbc;

  public QueryCodes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private record Stored(byte[] salt, byte[] hash, int iterations) {}

  /**
   * A new code for the case, replacing any earlier one (a lost code is replaced, never shown
   * again); kept in plain only until the acceptance notice is printed.
   */
  public String issue(String caseNumber) {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    String hash = HEX.formatHex(hash(code.toString(), salt, ITERATIONS));
    Timestamp now = Timestamp.valueOf(LocalDateTime.now());
    int updated = jdbc.update("""
        UPDATE disclosure_query_code SET salt = ?, code_hash = ?, iterations = ?, unprinted_code = ?, issued_at = ?,
          printed_at = NULL WHERE case_number = ?""",
        HEX.formatHex(salt), hash, ITERATIONS, code.toString(), now, caseNumber);
    if (updated == 0) {
      jdbc.update("""
          INSERT INTO disclosure_query_code (case_number, salt, code_hash, iterations, unprinted_code, issued_at)
          VALUES (?, ?, ?, ?, ?, ?)""", caseNumber, HEX.formatHex(salt), hash, ITERATIONS, code.toString(), now);
    }
    return code.toString();
  }

  /** Whether {@code code} is the case's; an unknown case costs the same hashing as a wrong code. */
  public boolean matches(String caseNumber, String code) {
    List<Stored> stored = jdbc.query("SELECT salt, code_hash, iterations FROM disclosure_query_code WHERE case_number = ?",
        (rs, row) -> new Stored(HEX.parseHex(rs.getString("salt")), HEX.parseHex(rs.getString("code_hash")),
            rs.getInt("iterations")), caseNumber);
    Stored known = stored.isEmpty() ? new Stored(NO_CASE_SALT, new byte[32], ITERATIONS) : stored.get(0);
    boolean equal = MessageDigest.isEqual(hash(normalised(code), known.salt(), known.iterations()), known.hash());
    return !stored.isEmpty() && equal;
  }

  /** The plain code for the acceptance notice, once: the first call erases it. */
  public Optional<String> takeForNotice(String caseNumber) {
    List<String> plain = jdbc.queryForList(
        "SELECT unprinted_code FROM disclosure_query_code WHERE case_number = ? AND unprinted_code IS NOT NULL",
        String.class, caseNumber);
    if (plain.isEmpty()) {
      return Optional.empty();
    }
    // Conditional on the code read, so two printers at once cannot both get it.
    int taken = jdbc.update("""
        UPDATE disclosure_query_code SET unprinted_code = NULL, printed_at = ?
        WHERE case_number = ? AND unprinted_code = ?""",
        Timestamp.valueOf(LocalDateTime.now()), caseNumber, plain.get(0));
    return taken == 1 ? Optional.of(plain.get(0)) : Optional.empty();
  }

  /** When the case's code was printed; empty while unprinted or when the case has none. */
  public Optional<LocalDateTime> printedAt(String caseNumber) {
    return jdbc.queryForList("SELECT printed_at FROM disclosure_query_code WHERE case_number = ? AND printed_at IS NOT NULL",
        Timestamp.class, caseNumber).stream().findFirst().map(Timestamp::toLocalDateTime);
  }

  /** As typed by a person: spaces and hyphens ignored, small letters taken as capitals. */
  static String normalised(String code) {
    return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  static byte[] hash(String code, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(code.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
    }
  }
}
