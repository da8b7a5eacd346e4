package cn.court.enforcement.disposal;

import static cn.court.enforcement.disposal.DisposalVariables.*;

import cn.court.enforcement.calendar.CalendarProperties;
import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 发布拍卖公告: refuses a notice that breaks a rule of {@link AuctionRules} (start price, notice period,
 * bidding time, and for the second round the price cut, the 30 days and the platform), and sets the
 * round's timers: the notice period ends when bidding starts ({@value DisposalVariables#AUCTION_STARTS_AT}),
 * bidding ends at {@value DisposalVariables#AUCTION_ENDS_AT}, both in the court's time zone.
 */
@Component("checkAuctionNotice")
public class CheckAuctionNotice extends TaskCompletionListener {

  private final ZoneId zone;

  public CheckAuctionNotice(CalendarProperties calendar) {
    this.zone = calendar.zone();
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck form = new FormCheck(execution::getVariable);
    BigDecimal startPrice = DisposalForm.price(form, START_PRICE, "起拍价（元）");
    LocalDate published = form.date("noticePublishedOn", "公告发布日期");
    LocalDateTime starts = DisposalForm.moment(form, "auctionStartDate", "auctionStartTime", "竞价开始");
    LocalDateTime ends = DisposalForm.moment(form, "auctionEndDate", "auctionEndTime", "竞价结束");
    String platform = form.text("auctionPlatform", "网络司法拍卖平台", 255);
    form.throwIfInvalid(taskName(execution));
    int round = ((Number) execution.getVariable(AUCTION_ROUND)).intValue();
    AuctionRules.FirstRound first = round == 1 ? null : new AuctionRules.FirstRound(
        new BigDecimal((String) execution.getVariable(FIRST_START_PRICE)),
        LocalDateTime.ofInstant(((Date) execution.getVariable(FIRST_AUCTION_ENDED)).toInstant(), zone),
        (String) execution.getVariable(FIRST_PLATFORM));
    AuctionRules.check(new AuctionRules.Notice(startPrice, published, starts, ends, platform),
        (String) execution.getVariable(PROPERTY_KIND), new BigDecimal((String) execution.getVariable(REFERENCE_PRICE)), first)
        .forEach(problem -> form.require(false, problem));
    form.throwIfInvalid(taskName(execution));
    execution.setVariable(START_PRICE, startPrice.toPlainString());
    execution.setVariable(AUCTION_STARTS_AT, Date.from(starts.atZone(zone).toInstant()));
    execution.setVariable(AUCTION_ENDS_AT, Date.from(ends.atZone(zone).toInstant()));
    if (round == 1) {
      execution.setVariable(FIRST_START_PRICE, startPrice.toPlainString());
      execution.setVariable(FIRST_PLATFORM, platform);
      execution.setVariable(FIRST_AUCTION_ENDED, Date.from(ends.atZone(zone).toInstant()));
    }
  }
}
