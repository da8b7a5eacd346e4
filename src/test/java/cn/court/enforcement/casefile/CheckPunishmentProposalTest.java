package cn.court.enforcement.casefile;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The statute's limits on the punishment a team proposes (民事诉讼法 第一百一十八条), by the kind of
 * respondent the case's parties say it is, and the dishonest-list period (失信规定 第二条): refused
 * with the rule named, whatever the deployed form allows.
 */
class CheckPunishmentProposalTest {

  private static final String CASE = "（2026）豫0105执1号";
  private static final long PERSON = 11;
  private static final long COMPANY = 12;

  private final CaseRegistry registry = mock(CaseRegistry.class);
  private final CheckPunishmentProposal check = new CheckPunishmentProposal(registry);

  CheckPunishmentProposalTest() {
    when(registry.respondents(anyString())).thenReturn(List.of(
        new CaseRegistry.CaseParty(PERSON, new CaseFiling.Party(CaseFiling.RESPONDENT, CaseFiling.Party.PERSON, "张三",
            "resident-id", "410105198001011239", null, "郑州市金水区", null)),
        new CaseRegistry.CaseParty(COMPANY, new CaseFiling.Party(CaseFiling.RESPONDENT, CaseFiling.Party.ORGANISATION,
            "郑州某贸易有限公司", "credit-code", "91410100MA9XYB1236", null, "郑州市二七区", "李某"))));
  }

  private void propose(long respondent, Object... pairs) {
    Map<String, Object> values = new HashMap<>(Map.of("respondentPartyId", String.valueOf(respondent),
        "punishmentGrounds", "拒不报告财产"));
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getProcessBusinessKey()).thenReturn(CASE);
    when(execution.getCurrentActivityName()).thenReturn("拟定惩戒措施");
    when(execution.getVariable(anyString())).thenAnswer(call -> values.get(call.<String>getArgument(0)));
    check.notify(execution);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.01", "100000", "100000.00"})
  void aFineOnAPersonUpToOneHundredThousandYuan(String amount) {
    assertThatCode(() -> propose(PERSON, "punishmentKind", "fine", "fineAmount", Double.valueOf(amount)))
        .doesNotThrowAnyException();
  }

  @Test
  void aFineOnAPersonAboveTheLimitIsRefusedWithTheArticle() {
    assertThatThrownBy(() -> propose(PERSON, "punishmentKind", "fine", "fineAmount", 100000.01))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessage("无法完成「拟定惩戒措施」：对个人的罚款金额为人民币十万元以下（《中华人民共和国民事诉讼法》第一百一十八条），"
            + "且应大于0（所填 100000.01 元）");
    assertThatThrownBy(() -> propose(PERSON, "punishmentKind", "fine", "fineAmount", 0))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("第一百一十八条");
  }

  @ParameterizedTest
  @ValueSource(strings = {"50000", "1000000"})
  void aFineOnAnOrganisationFromFiftyThousandToOneMillionYuan(String amount) {
    assertThatCode(() -> propose(COMPANY, "punishmentKind", "fine", "fineAmount", Long.valueOf(amount)))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"49999.99", "1000000.01", "5000"})
  void aFineOnAnOrganisationOutsideTheRangeIsRefusedWithTheArticle(String amount) {
    assertThatThrownBy(() -> propose(COMPANY, "punishmentKind", "fine", "fineAmount", Double.valueOf(amount)))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("对单位的罚款金额为人民币五万元以上一百万元以下（《中华人民共和国民事诉讼法》第一百一十八条）");
  }

  @Test
  void detentionAtMostFifteenWholeDays() {
    assertThatCode(() -> propose(PERSON, "punishmentKind", "detention", "detentionDays", 15L)).doesNotThrowAnyException();
    for (Object days : new Object[] {16L, 0L, 2.5}) {
      assertThatThrownBy(() -> propose(PERSON, "punishmentKind", "detention", "detentionDays", days))
          .isInstanceOf(InvalidCaseDataException.class)
          .hasMessageContaining("拘留的期限为十五日以下（《中华人民共和国民事诉讼法》第一百一十八条），拘留天数应为1至15日的整数");
    }
  }

  @Test
  void aDishonestListingNeedsItsGroundAndALawfulPeriod() {
    assertThatCode(() -> propose(PERSON, "punishmentKind", "dishonest-list", "dishonestGround", "violates-property-report",
        "listingExtended", true, "listingExtraYears", 3L)).doesNotThrowAnyException();
    assertThatThrownBy(() -> propose(PERSON, "punishmentKind", "dishonest-list", "dishonestGround", "obstructs-enforcement",
        "listingExtended", true, "listingExtraYears", 4L))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("延长的纳入期限（年）应为1至3的整数");
    assertThatThrownBy(() -> propose(PERSON, "punishmentKind", "dishonest-list", "dishonestGround", "able-but-refuses",
        "listingExtended", true, "listingExtraYears", 1L))
        .isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("有履行能力而拒不履行的，纳入失信名单没有固定期限，不能延长（《最高人民法院关于公布失信被执行人名单信息的若干规定》第二条）");
    assertThatThrownBy(() -> propose(PERSON, "punishmentKind", "dishonest-list"))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("请填写纳入失信名单的情形");
  }

  @Test
  void anotherCasesPartyIsRefused() {
    assertThatThrownBy(() -> propose(999, "punishmentKind", "consumption-restriction"))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("被惩戒的被执行人的取值无效：999");
  }
}
