package cn.court.enforcement.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The data a case is filed with (start form case-filing), once validated. */
public record CaseFiling(
    String caseNumber,
    LocalDate filingDate,
    String caseKind,
    boolean nonLitigation,
    BigDecimal amountClaimed,
    List<Party> applicants,
    List<Party> respondents,
    String basisDocumentNumber,
    String basisCourt,
    String basisType,
    String propertyClues) {

  public static final String APPLICANT = "applicant";
  public static final String RESPONDENT = "respondent";

  /**
   * A party: a natural person ({@link #PERSON}, resident ID) or an organisation
   * ({@link #ORGANISATION}, unified social credit code, legal representative).
   */
  public record Party(String role, String kind, String name, String idType, String idNumber, String phone,
      String address, String legalRepresentative) {

    public static final String PERSON = "person";
    public static final String ORGANISATION = "organisation";
  }
}
