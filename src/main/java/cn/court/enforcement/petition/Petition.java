package cn.court.enforcement.petition;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One petition as the registry holds it: what was received and from whom, the case it names (or
 * none), the reply, and when and by whom it was closed off (核销); open while {@code closedOffAt} is null.
 */
public record Petition(long id, String processInstanceId, String kind, String kindLabel, String petitioner,
    String handedDownBy, String handedDownReference, String procuratorateDocument, LocalDate deadlineGiven,
    String matter, LocalDate receivedOn, String caseNumber, String registeredBy, LocalDateTime registeredAt,
    String findings, String reply, String replyTo, String replyMethod, String recommendationOutcome,
    LocalDate repliedOn, String repliedBy, int returnedTimes, String closedOffBy, LocalDateTime closedOffAt) {

  @JsonProperty
  public boolean closedOff() {
    return closedOffAt != null;
  }
}
