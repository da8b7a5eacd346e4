package cn.court.enforcement.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The data a case is filed with (start form case-filing), once validated. */
public record CaseFiling(
    String caseNumber,
    LocalDate filingDate,
    String caseKind,
    boolean nonLitigation,
    BigDecimal amountClaimed,
    Party applicant,
    Party respondent,
    String basisDocumentNumber,
    String basisCourt,
    String basisType,
    String propertyClues) {

  /** A party: natural person (resident ID) or organisation (unified social credit code). */
  public record Party(String name, String idType, String idNumber, String phone, String address) {
  }
}
