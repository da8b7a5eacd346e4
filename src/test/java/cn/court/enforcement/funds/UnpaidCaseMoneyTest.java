package cn.court.enforcement.funds;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.escalation.TimeLimitsSpringTest;
import cn.court.enforcement.funds.CaseMoneyLedger.Share;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The closure rule against the ledger's tables: a case closes only when arrived − costs − paid is
 * zero; proposed or approved payouts are not paid yet. Each refusal names the figures.
 */
@TimeLimitsSpringTest
class UnpaidCaseMoneyTest {

  private static final String CASE = "（2026）豫0000执6901号";
  private static final LocalDate DAY = LocalDate.parse("2026-03-02");

  @Autowired CaseMoneyLedger ledger;
  @Autowired UnpaidCaseMoney unpaid;

  @Test
  void closureIsRefusedWhileAnyMoneyOfTheCaseIsUnpaid() {
    assertThat(unpaid.refusal(CASE, "fully-performed")).as("a case without money").isEmpty();

    ledger.recordArrival(CASE, "unpaid-1", "deduction", new BigDecimal("1000.01"), DAY, "某公司", null);
    ledger.recordArrival(CASE, "unpaid-2", "voluntary", new BigDecimal("0.99"), DAY, "王五", null);
    assertThat(unpaid.refusal(CASE, "procedure-terminated")).contains(
        "尚有案款 1001.00 元未发放（已到账 1001.00 元，执行费用 0.00 元，已发放 0.00 元），案款发放完毕前不能结案");

    CaseMoneyLedger.Arrival first = ledger.arrivalOf("unpaid-1").orElseThrow();
    ledger.settle(first.id(), new BigDecimal("50.00"), new BigDecimal("0.01"), DAY);
    ledger.propose(first, List.of(new Share("张三", new BigDecimal("600.00")), new Share("李四", new BigDecimal("350.00"))),
        "hongjianjun");
    ledger.approve(first.id(), "juzhang", DAY);
    assertThat(unpaid.refusal(CASE, "fully-performed")).as("approved is not paid").contains(
        "尚有案款 950.99 元未发放（已到账 1001.00 元，执行费用 50.01 元，已发放 0.00 元，待发放 950.00 元），案款发放完毕前不能结案");

    ledger.pay(first.id(), "caiwu", DAY);
    assertThat(unpaid.refusal(CASE, "fully-performed")).contains(
        "尚有案款 0.99 元未发放（已到账 1001.00 元，执行费用 50.01 元，已发放 950.00 元），案款发放完毕前不能结案");

    CaseMoneyLedger.Arrival second = ledger.arrivalOf("unpaid-2").orElseThrow();
    ledger.propose(second, List.of(new Share("张三", new BigDecimal("0.99"))), "hongjianjun");
    ledger.reject(second.id(), "院财务室退回：账号有误");
    assertThat(unpaid.refusal(CASE, "fully-performed")).as("a rejected payout pays nothing").isPresent();
    ledger.propose(second, List.of(new Share("张三", new BigDecimal("0.99"))), "hongjianjun");
    ledger.approve(second.id(), "juzhang", DAY);
    ledger.pay(second.id(), "caiwu", DAY);
    assertThat(unpaid.refusal(CASE, "fully-performed")).isEmpty();
    assertThat(ledger.balance(CASE)).isEqualTo(new CaseMoneyBalance(new BigDecimal("1001.00"), new BigDecimal("50.01"),
        new BigDecimal("950.99"), new BigDecimal("0.00")));
  }
}
