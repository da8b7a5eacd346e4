package cn.court.enforcement.allocation;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One stored draw, a link of the hash chain. {@code hash} = SHA-256 over the canonical content
 * (every other column, the chain position included) followed by {@code previousHash}, so
 * changing, deleting or reordering a record breaks the chain.
 *
 * @param id         position in the chain, 1, 2, 3 … without gaps
 * @param candidates JSON array of the eligible teams, exactly as stored and hashed
 * @param excluded   JSON object team → reason, exactly as stored and hashed
 * @param drawValue  the random number drawn: index into {@code candidates}
 */
public record DrawRecord(long id, String caseNumber, String processInstanceId,
    @JsonRawValue String candidates, @JsonRawValue String excluded, int drawValue,
    String chosenTeam, @JsonFormat(shape = JsonFormat.Shape.STRING) Instant drawnAt,
    String previousHash, String hash) {

  /** previousHash of the first record. */
  public static final String GENESIS_HASH = "0".repeat(64);

  /** A new link: computes its hash over its content and the previous link's hash. */
  public static DrawRecord link(long id, String caseNumber, String processInstanceId,
      String candidates, String excluded, int drawValue, String chosenTeam, Instant drawnAt,
      String previousHash) {
    DrawRecord unsigned = new DrawRecord(id, caseNumber, processInstanceId, candidates, excluded,
        drawValue, chosenTeam, drawnAt, previousHash, null);
    return new DrawRecord(id, caseNumber, processInstanceId, candidates, excluded, drawValue,
        chosenTeam, drawnAt, previousHash, unsigned.computeHash());
  }

  /** The hash this record should carry given its stored content. */
  public String computeHash() {
    String content = field(Long.toString(id)) + field(caseNumber) + field(processInstanceId)
        + field(candidates) + field(excluded) + field(Integer.toString(drawValue))
        + field(chosenTeam) + field(drawnAt == null ? null : drawnAt.toString())
        + field(previousHash);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }

  /** Length-prefixed so that no two different records share one canonical text. */
  private static String field(String value) {
    return value == null ? "-;" : value.length() + ":" + value + ";";
  }
}
