package cn.court.enforcement.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilingValidatorTest {

  private final FilingValidator validator = new FilingValidator();

  @Test
  void acceptsValidFiling() {
    Map<String, Object> vars = CaseFlow.filing("（2026）豫0000执恢12号");
    vars.put("filingDate", "2026-03-01");
    CaseFlow.party(vars, "applicant", 1).prop("idNumber", "11010519491231002x");
    CaseFiling filing = validator.validate(vars::get);
    assertThat(filing.filingDate()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(filing.applicants()).singleElement().satisfies(applicant -> {
      assertThat(applicant.idNumber()).isEqualTo("11010519491231002X");
      assertThat(applicant.kind()).isEqualTo(CaseFiling.Party.PERSON);
      assertThat(applicant.idType()).isEqualTo("resident-id");
    });
    assertThat(filing.respondents()).singleElement().satisfies(respondent -> {
      assertThat(respondent.phone()).isNull();
      assertThat(respondent.kind()).isEqualTo(CaseFiling.Party.ORGANISATION);
      assertThat(respondent.idType()).isEqualTo("credit-code");
      assertThat(respondent.legalRepresentative()).isEqualTo("李某");
    });
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
    CaseFlow.party(vars, "respondent", 1).prop("phone", "0371-1234");
    assertThatThrownBy(() -> validator.validate(vars::get)).hasMessageContaining("被执行人联系电话格式不正确");
    CaseFlow.party(vars, "respondent", 1).prop("phone", "0371-12345678");
    assertThat(validator.validate(vars::get).respondents().get(0).phone()).isEqualTo("0371-12345678");
  }

  @Test
  void refusesTextLongerThanTheRegistryKeeps() {
    Map<String, Object> vars = CaseFlow.filing(CaseFlow.newCaseNumber());
    CaseFlow.party(vars, "applicant", 1).prop("name", "某".repeat(201));
    CaseFlow.party(vars, "respondent", 1).prop("address", "路".repeat(501));
    vars.put("basisDocumentNumber", "号".repeat(101));
    vars.put("propertyClues", "线".repeat(2001));
    assertThatThrownBy(() -> validator.validate(vars::get))
        .hasMessageContaining("申请执行人姓名或名称不能超过200个字")
        .hasMessageContaining("被执行人住所地不能超过500个字")
        .hasMessageContaining("执行依据文书编号不能超过100个字")
        .hasMessageContaining("财产线索不能超过2000个字");
    CaseFlow.party(vars, "applicant", 1).prop("name", "某".repeat(200));
    CaseFlow.party(vars, "respondent", 1).prop("address", "路".repeat(500));
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
    assertThatThrownBy(() -> validator.validate(vars::get))
        .hasMessageContaining("案件类型的取值无效：divorce")
        .hasMessageContaining("执行依据类型的取值无效：letter");
  }

  @Test
  void takesSeveralPartiesOfEachRoleInOrder() {
    Map<String, Object> vars = CaseFlow.filing(CaseFlow.newCaseNumber());
    CaseFlow.parties(vars, "applicant", List.of(person("甲", "410105198001011239", "13800138000"),
        person("乙", "41010219750315202X", "13700137000")));
    CaseFlow.parties(vars, "respondent", List.of(person("丙", "41018219900620351X", null),
        Map.of("name", "丁公司", "legalRepresentative", "赵六", "idNumber", "91410100MA9XYB1236", "address", "某地"),
        person("戊", "410104198511110046", null)));
    CaseFiling filing = validator.validate(vars::get);
    assertThat(filing.applicants()).extracting(CaseFiling.Party::name).containsExactly("甲", "乙");
    assertThat(filing.respondents()).extracting(CaseFiling.Party::name).containsExactly("丙", "丁公司", "戊");
    assertThat(filing.respondents()).extracting(CaseFiling.Party::kind)
        .containsExactly(CaseFiling.Party.PERSON, CaseFiling.Party.ORGANISATION, CaseFiling.Party.PERSON);
  }

  @Test
  void refusesAFilingWithoutAnApplicantOrARespondent() {
    Map<String, Object> vars = CaseFlow.filing(CaseFlow.newCaseNumber());
    CaseFlow.parties(vars, "applicant", List.of());
    vars.remove("respondentCount");
    assertThatThrownBy(() -> validator.validate(vars::get))
        .hasMessageContaining("申请执行人人数应为1至3的整数").hasMessageContaining("请填写被执行人人数");
    vars.put("applicantCount", 4);
    vars.put("respondentCount", 1.5);
    assertThatThrownBy(() -> validator.validate(vars::get))
        .hasMessageContaining("申请执行人人数应为1至3的整数").hasMessageContaining("被执行人人数应为1至5的整数");
  }

  @Test
  void checksEachPartyAndRefusesTheSamePartyTwice() {
    Map<String, Object> vars = CaseFlow.filing(CaseFlow.newCaseNumber());
    CaseFlow.parties(vars, "respondent", List.of(person("丙", "110105194912310021", null),
        person("张三", CaseFlow.RESIDENT_ID, null),
        Map.of("name", "丁公司", "idNumber", "91410100MA9XYB1236", "address", "某地"),
        Map.of("name", "戊公司", "legalRepresentative", "赵六", "idNumber", "410104198511110046", "address", "某地")));
    assertThatThrownBy(() -> validator.validate(vars::get))
        .hasMessageContaining("第1位被执行人证件号码不是有效的18位居民身份证号码")
        .hasMessageContaining("证件号码" + CaseFlow.RESIDENT_ID + "重复")
        .hasMessageContaining("第3位被执行人的证件号码是统一社会信用代码：单位请填写法定代表人或负责人")
        .hasMessageContaining("第4位被执行人是单位（填写了法定代表人），证件号码应为有效的统一社会信用代码");
  }

  @Test
  void readsAsManyGroupsAsTheNumberSays() {
    Map<String, Object> vars = CaseFlow.filing(CaseFlow.newCaseNumber());
    vars.put("respondent1", "张三");
    assertThatThrownBy(() -> validator.validate(vars::get)).hasMessageContaining("被执行人的填写内容无效");
    vars.put("respondent1", Spin.JSON(person("丙", "41018219900620351X", null)));
    vars.put("respondent2", "left from an earlier filing");
    assertThat(validator.validate(vars::get).respondents()).extracting(CaseFiling.Party::name).containsExactly("丙");
    vars.put("respondentCount", 2);
    assertThatThrownBy(() -> validator.validate(vars::get)).hasMessageContaining("第2位被执行人的填写内容无效");
  }

  private static Map<String, Object> person(String name, String idNumber, String phone) {
    Map<String, Object> party = new HashMap<>(Map.of("name", name, "idNumber", idNumber, "address", "某地"));
    if (phone != null) {
      party.put("phone", phone);
    }
    return party;
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
