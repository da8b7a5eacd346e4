package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseVariables.AMOUNT_CLAIMED;
import static cn.court.enforcement.casefile.CaseVariables.BASIS_COURT;
import static cn.court.enforcement.casefile.CaseVariables.BASIS_DOCUMENT_NUMBER;
import static cn.court.enforcement.casefile.CaseVariables.BASIS_TYPE;
import static cn.court.enforcement.casefile.CaseVariables.CASE_KIND;
import static cn.court.enforcement.casefile.CaseVariables.CASE_NUMBER;
import static cn.court.enforcement.casefile.CaseVariables.FILING_DATE;
import static cn.court.enforcement.casefile.CaseVariables.NON_LITIGATION;
import static cn.court.enforcement.casefile.CaseVariables.PROPERTY_CLUES;

import cn.court.enforcement.security.ApiRefusal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The filing rules of form case-filing, enforced again on the server: at the start of a case
 * and when the filing division corrects it.
 */
@Component
public class FilingValidator {

  /** （2026）豫0000执1234号; resumed cases 执恢. */
  public static final Pattern CASE_NUMBER_FORMAT = Pattern.compile("（(\\d{4})）[\\u4e00-\\u9fa5]\\d{4}执恢?\\d{1,6}号");

  /** A case number asked for over /api, stripped; one not in the format is refused (400), not looked up. */
  public static String requestedCaseNumber(String caseNumber) {
    String number = caseNumber.strip();
    if (!CASE_NUMBER_FORMAT.matcher(number).matches()) {
      throw new ApiRefusal(HttpStatus.BAD_REQUEST, "案号格式不正确，应如（2026）豫0000执1234号。");
    }
    return number;
  }
  static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
  static final Set<String> CASE_KINDS = Set.of("money-payment", "act", "property-transfer", "other");
  static final Set<String> BASIS_TYPES =
      Set.of("judgment", "mediation", "ruling", "arbitration", "notarial", "payment-order", "other");
  /**
   * How many parties of each role the form has room for (its count fields' max). Form-js
   * dynamic lists would have no limit, but Tasklist 7.24 keeps 启动/完成 disabled once any field
   * inside one is edited: it counts form-js's emptied error entries of list rows as errors.
   */
  public static final int MAX_APPLICANTS = 3;
  public static final int MAX_RESPONDENTS = 5;
  /** Keys of the fields of a party's group. */
  static final String NAME = "name";
  static final String ID_NUMBER = "idNumber";
  static final String PHONE_KEY = "phone";
  static final String ADDRESS = "address";
  static final String LEGAL_REPRESENTATIVE = "legalRepresentative";
  static final String RESIDENT_ID = "resident-id";
  static final String CREDIT_CODE = "credit-code";
  /** Lengths of the filing form's fields, as the case registry's columns. */
  static final int MAX_NAME = 200;
  static final int MAX_ADDRESS = 500;
  static final int MAX_DOCUMENT_NUMBER = 100;

  public CaseFiling validate(Function<String, Object> values) {
    FormCheck check = new FormCheck(values);
    String caseNumber = check.matching(CASE_NUMBER, "案号", CASE_NUMBER_FORMAT, "（2026）豫0000执1234号");
    LocalDate filingDate = check.date(FILING_DATE, "立案日期");
    if (caseNumber != null && filingDate != null) {
      Matcher matcher = CASE_NUMBER_FORMAT.matcher(caseNumber);
      check.require(!matcher.matches() || Integer.parseInt(matcher.group(1)) == filingDate.getYear(),
          "案号年份与立案日期不一致");
    }
    String caseKind = check.oneOf(CASE_KIND, "案件类型", CASE_KINDS);
    BigDecimal amount = check.amount(AMOUNT_CLAIMED, "申请执行标的金额");
    List<CaseFiling.Party> applicants = parties(check, CaseFiling.APPLICANT, "申请执行人", MAX_APPLICANTS);
    List<CaseFiling.Party> respondents = parties(check, CaseFiling.RESPONDENT, "被执行人", MAX_RESPONDENTS);
    Set<String> idNumbers = new HashSet<>();
    Stream.concat(applicants.stream(), respondents.stream()).map(CaseFiling.Party::idNumber)
        .filter(Objects::nonNull).filter(number -> !idNumbers.add(number)).distinct()
        .forEach(number -> check.require(false, "证件号码" + number + "重复：同一当事人只能填写一次"));
    String basisNumber = check.text(BASIS_DOCUMENT_NUMBER, "执行依据文书编号", MAX_DOCUMENT_NUMBER);
    String basisCourt = check.text(BASIS_COURT, "作出执行依据的机关", MAX_NAME);
    String basisType = check.oneOf(BASIS_TYPE, "执行依据类型", BASIS_TYPES);
    String propertyClues = check.optionalText(PROPERTY_CLUES, "财产线索", FormCheck.MAX_TEXT);
    check.throwIfInvalid("立案信息有误");
    return new CaseFiling(caseNumber, filingDate, caseKind, check.flag(NON_LITIGATION), amount,
        applicants, respondents, basisNumber, basisCourt, basisType, propertyClues);
  }

  /**
   * The parties of one role: the form asks how many ({@code applicantCount}), then shows that
   * many groups ({@code applicant1}, {@code applicant2} …); groups beyond the count are ignored.
   */
  private static List<CaseFiling.Party> parties(FormCheck check, String role, String label, int max) {
    Integer count = check.wholeNumber(countKey(role), label + "人数", 1, max);
    List<CaseFiling.Party> parties = new ArrayList<>();
    for (int i = 1; count != null && i <= count; i++) {
      String which = count == 1 ? label : "第" + i + "位" + label;
      parties.add(party(check.within(check.group(slotKey(role, i), which)::get), role, which));
    }
    return parties;
  }

  /** Groups beyond the filed numbers, left from an earlier filing: removed, so no form shows them again. */
  public static List<String> unusedSlots(CaseFiling filing) {
    List<String> names = new ArrayList<>();
    for (int i = filing.applicants().size() + 1; i <= MAX_APPLICANTS; i++) {
      names.add(slotKey(CaseFiling.APPLICANT, i));
    }
    for (int i = filing.respondents().size() + 1; i <= MAX_RESPONDENTS; i++) {
      names.add(slotKey(CaseFiling.RESPONDENT, i));
    }
    return names;
  }

  /** The form's number of parties of a role. */
  public static String countKey(String role) {
    return role + "Count";
  }

  /** The form's group of the {@code n}-th party of a role (from 1). */
  public static String slotKey(String role, int n) {
    return role + n;
  }

  /**
   * One party. Whether it is a person or an organisation follows from the legal representative,
   * which only an organisation has: the form needs no choice of ID type (a dropdown inside a
   * dynamic list disables Tasklist's buttons, STACK.md), and an all-digit credit code that
   * happens to pass the resident-ID check is never mistaken for a person.
   */
  private static CaseFiling.Party party(FormCheck check, String role, String label) {
    String name = check.text(NAME, label + "姓名或名称", MAX_NAME);
    String representative = check.optionalText(LEGAL_REPRESENTATIVE, label + "法定代表人或负责人", MAX_NAME);
    String kind = representative == null ? CaseFiling.Party.PERSON : CaseFiling.Party.ORGANISATION;
    String idNumber = check.text(ID_NUMBER, label + "证件号码");
    if (idNumber != null) {
      idNumber = idNumber.toUpperCase();
      if (representative != null) {
        check.require(IdNumbers.isCreditCode(idNumber), label + "是单位（填写了法定代表人），证件号码应为有效的统一社会信用代码");
      } else if (IdNumbers.isCreditCode(idNumber) && !IdNumbers.isResidentId(idNumber)) {
        check.require(false, label + "的证件号码是统一社会信用代码：单位请填写法定代表人或负责人");
      } else {
        check.require(IdNumbers.isResidentId(idNumber), label + "证件号码不是有效的18位居民身份证号码");
      }
    }
    boolean phoneRequired = CaseFiling.APPLICANT.equals(role);
    String phone = phoneRequired
        ? check.matching(PHONE_KEY, label + "联系电话", PHONE, "11位手机号或区号加座机号")
        : check.optionalText(PHONE_KEY);
    if (!phoneRequired && phone != null) {
      check.require(PHONE.matcher(phone).matches(), label + "联系电话格式不正确（应为11位手机号或区号加座机号）");
    }
    String address = check.text(ADDRESS, label + "住所地", MAX_ADDRESS);
    return new CaseFiling.Party(role, kind, name, CaseFiling.Party.PERSON.equals(kind) ? RESIDENT_ID : CREDIT_CODE,
        idNumber, phone, address, representative);
  }
}
