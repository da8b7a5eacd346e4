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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The filing rules of form case-filing, enforced again on the server: at the start of a case
 * and when the filing division corrects it.
 */
@Component
public class FilingValidator {

  /** （2026）豫0000执1234号; resumed cases 执恢. */
  static final Pattern CASE_NUMBER_FORMAT = Pattern.compile("（(\\d{4})）[\\u4e00-\\u9fa5]\\d{4}执恢?\\d{1,6}号");
  static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
  static final Set<String> CASE_KINDS = Set.of("money-payment", "act", "property-transfer", "other");
  static final Set<String> BASIS_TYPES =
      Set.of("judgment", "mediation", "ruling", "arbitration", "notarial", "payment-order", "other");
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
    CaseFiling.Party applicant = party(check, "applicant", "申请执行人", true);
    CaseFiling.Party respondent = party(check, "respondent", "被执行人", false);
    String basisNumber = check.text(BASIS_DOCUMENT_NUMBER, "执行依据文书编号", MAX_DOCUMENT_NUMBER);
    String basisCourt = check.text(BASIS_COURT, "作出执行依据的机关", MAX_NAME);
    String basisType = check.oneOf(BASIS_TYPE, "执行依据类型", BASIS_TYPES);
    String propertyClues = check.optionalText(PROPERTY_CLUES, "财产线索", FormCheck.MAX_TEXT);
    check.throwIfInvalid("立案信息有误");
    return new CaseFiling(caseNumber, filingDate, caseKind, check.flag(NON_LITIGATION), amount,
        applicant, respondent, basisNumber, basisCourt, basisType, propertyClues);
  }

  private static CaseFiling.Party party(FormCheck check, String prefix, String label, boolean phoneRequired) {
    String name = check.text(prefix + "Name", label + "名称", MAX_NAME);
    String idType = check.oneOf(prefix + "IdType", label + "证件类型", Set.of(RESIDENT_ID, CREDIT_CODE));
    String idNumber = check.text(prefix + "IdNumber", label + "证件号码");
    if (idNumber != null) {
      idNumber = idNumber.toUpperCase();
      if (RESIDENT_ID.equals(idType)) {
        check.require(IdNumbers.isResidentId(idNumber), label + "证件号码不是有效的18位居民身份证号码");
      } else if (CREDIT_CODE.equals(idType)) {
        check.require(IdNumbers.isCreditCode(idNumber), label + "证件号码不是有效的统一社会信用代码");
      }
    }
    String phone = phoneRequired
        ? check.matching(prefix + "Phone", label + "联系电话", PHONE, "11位手机号或区号加座机号")
        : check.optionalText(prefix + "Phone");
    if (!phoneRequired && phone != null) {
      check.require(PHONE.matcher(phone).matches(), label + "联系电话格式不正确（应为11位手机号或区号加座机号）");
    }
    String address = check.text(prefix + "Address", label + "住所地", MAX_ADDRESS);
    return new CaseFiling.Party(name, idType, idNumber, phone, address);
  }
}
