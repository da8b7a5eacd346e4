package cn.court.enforcement.funds;

import java.math.BigDecimal;

/**
 * The money of one case, to the fen: what arrived, the costs settled on it (执行费 and disposal
 * costs), what the finance office paid out, and what is proposed or approved but not yet paid.
 *
 * @param arrived every registered arrival
 * @param costs execution fees and disposal costs settled by the handler
 * @param paid paid out by the finance office
 * @param pending proposed or approved payouts not yet paid
 */
public record CaseMoneyBalance(BigDecimal arrived, BigDecimal costs, BigDecimal paid, BigDecimal pending) {

  /** Money of the case still unpaid: arrived − costs − paid. The case may not close while it is above zero. */
  public BigDecimal outstanding() {
    return arrived.subtract(costs).subtract(paid);
  }

  /** What a new payout may still take: the outstanding money less what is already proposed or approved. */
  public BigDecimal available() {
    return outstanding().subtract(pending);
  }

  /** The figures as staff read them in a refusal. */
  public String describe() {
    return "已到账 %s 元，执行费用 %s 元，已发放 %s 元".formatted(arrived.toPlainString(), costs.toPlainString(),
        paid.toPlainString()) + (pending.signum() > 0 ? "，待发放 " + pending.toPlainString() + " 元" : "");
  }
}
