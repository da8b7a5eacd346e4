package cn.court.enforcement.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilingValidatorTest {

  private final FilingValidator validator = new FilingValidator();

  @Test
  void acceptsValidFiling() {
    Map<String, Object> vars = CaseFlow.filing("（2026）豫0000执恢12号");
    vars.put("filingDate", "2026-03-01");
    vars.put("applicantIdNumber", "11010519491231002x");
    CaseFiling filing = validator.validate(vars::get);
    assertThat(filing.filingDate()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(filing.applicant().idNumber()).isEqualTo("11010519491231002X");
    assertThat(filing.respondent().phone()).isNull();
    assertThat(filing.amountClaimed()).isEqualByComparingTo("120000.5");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026执123", "(2026)豫0000执1号", "（2026）豫0000民1号", "（2026）豫0000执号"})
  void refusesMalformedCaseNumbers(String caseNumber) {
    assertThatThrownBy(() -> validator.validate(CaseFlow.filing(caseNumber)::get))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("案号格式不正确");
  }

  @Test
  void refusesCaseNumberYearOtherThanFilingYear() {
    Map<String, Object> vars = CaseFlow.filing("（2019）豫0000执1号");
    vars.put("filingDate", "2026-01-05");
    assertThatThrownBy(() -> validator.validate(vars::get)).hasMessageContaining("案号年份与立案日期不一致");
  }

  @Test
  void refusesFutureAndMalformedDates() {
    Map<String, Object> vars = CaseFlow.filing(CaseFlow.newCaseNumber());
    vars.put("filingDate", LocalDate.now().plusDays(1).toString());
    assertThatThrownBy(() -> validator.validate(vars::get)).hasMessageContaining("立案日期不能晚于今天");
    vars.put("filingDate", "2026/01/05");
    assertThatThrownBy(() -> validator.validate(vars::get)).hasMessageContaining("立案日期不是有效的日期");
  }

  @Test
  void checksPhoneOfRespondentOnlyWhenGiven() {
    Map<String, Object> vars = CaseFlow.filing(CaseFlow.newCaseNumber());
    vars.put("respondentPhone", "0371-1234");
    assertThatThrownBy(() -> validator.validate(vars::get)).hasMessageContaining("被执行人联系电话格式不正确");
    vars.put("respondentPhone", "0371-12345678");
    assertThat(validator.validate(vars::get).respondent().phone()).isEqualTo("0371-12345678");
  }

  @Test
  void refusesTextLongerThanTheRegistryKeeps() {
    Map<String, Object> vars = CaseFlow.filing(CaseFlow.newCaseNumber());
    vars.put("applicantName", "某".repeat(201));
    vars.put("respondentAddress", "路".repeat(501));
    vars.put("basisDocumentNumber", "号".repeat(101));
    vars.put("propertyClues", "线".repeat(2001));
    assertThatThrownBy(() -> validator.validate(vars::get))
        .hasMessageContaining("申请执行人名称不能超过200个字")
        .hasMessageContaining("被执行人住所地不能超过500个字")
        .hasMessageContaining("执行依据文书编号不能超过100个字")
        .hasMessageContaining("财产线索不能超过2000个字");
    vars.put("applicantName", "某".repeat(200));
    vars.put("respondentAddress", "路".repeat(500));
    vars.put("basisDocumentNumber", "号".repeat(100));
    vars.put("propertyClues", "线".repeat(2000));
    assertThat(validator.validate(vars::get).propertyClues()).hasSize(2000);
  }

  @Test
  void amountsAreYuanToTheCentAndOfPlausibleSize() {
    Map<String, Object> vars = CaseFlow.filing(CaseFlow.newCaseNumber());
    vars.put("amountClaimed", 100.505);
    assertThatThrownBy(() -> validator.validate(vars::get)).hasMessageContaining("申请执行标的金额最多保留两位小数（精确到分）");
    vars.put("amountClaimed", 1e13);
    assertThatThrownBy(() -> validator.validate(vars::get)).hasMessageContaining("申请执行标的金额过大，请核对（上限为一万亿元）");
    vars.put("amountClaimed", 1e12);
    assertThat(validator.validate(vars::get).amountClaimed()).isEqualByComparingTo("1000000000000");
    vars.put("amountClaimed", "100.50");
    assertThat(validator.validate(vars::get).amountClaimed()).isEqualByComparingTo("100.5");
  }

  @Test
  void refusesUnknownCodes() {
    Map<String, Object> vars = CaseFlow.filing(CaseFlow.newCaseNumber());
    vars.put("caseKind", "divorce");
    vars.put("basisType", "letter");
    vars.put("applicantIdType", "passport");
    assertThatThrownBy(() -> validator.validate(vars::get))
        .hasMessageContaining("案件类型的取值无效：divorce")
        .hasMessageContaining("执行依据类型的取值无效：letter")
        .hasMessageContaining("申请执行人证件类型的取值无效：passport");
  }

  @Test
  void residentIdAndCreditCodeCheckCharacters() {
    assertThat(IdNumbers.isResidentId(CaseFlow.RESIDENT_ID)).isTrue();
    assertThat(IdNumbers.isResidentId("110105194912310021")).isFalse();
    assertThat(IdNumbers.isResidentId("110105194913310020")).isFalse(); // month 13
    assertThat(IdNumbers.isCreditCode(CaseFlow.CREDIT_CODE)).isTrue();
    assertThat(IdNumbers.isCreditCode("91350100M000100Y44")).isFalse();
    assertThat(IdNumbers.isCreditCode("91350100M000100YI3")).isFalse(); // I is not in the code alphabet
  }
}
