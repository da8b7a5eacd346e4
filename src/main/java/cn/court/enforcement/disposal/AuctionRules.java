package cn.court.enforcement.disposal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of an online judicial auction that the server enforces, each refusal naming its article of
 * 《最高人民法院关于人民法院网络司法拍卖若干问题的规定》（法释〔2016〕18号）.
 */
public final class AuctionRules {

  public static final String RULE = "《最高人民法院关于人民法院网络司法拍卖若干问题的规定》";
  /** 第十条: the start price is at least 70% of the reference price. */
  static final BigDecimal MIN_START_SHARE = new BigDecimal("0.70");
  /** 第二十六条: a second start price at most 20% below the first. */
  static final BigDecimal MIN_SECOND_SHARE = new BigDecimal("0.80");
  /** 第十二条: notice days before the first auction; 第二十六条: before the second. */
  static final int FIRST_NOTICE_MOVABLES = 15;
  static final int FIRST_NOTICE_REAL_ESTATE = 30;
  static final int SECOND_NOTICE_MOVABLES = 7;
  static final int SECOND_NOTICE_REAL_ESTATE = 15;
  /** The periods above as the articles write them. */
  private static final Map<Integer, String> NUMERALS = Map.of(7, "七", 15, "十五", 30, "三十");
  /** 第二十条: bidding lasts at least 24 hours. */
  static final Duration MIN_BIDDING = Duration.ofHours(24);
  /** 第二十六条: the second auction within 30 days of the first one's failure. */
  static final int SECOND_WITHIN_DAYS = 30;

  /**
   * Kinds (casefile/PropertyKinds) auctioned as real estate or other property rights (第十二条: 30 and 15
   * days' notice); every other kind is a movable (15 and 7 days).
   */
  static final Set<String> REAL_ESTATE_OR_RIGHTS = Set.of("real-estate", "equity", "securities", "insurance",
      "housing-fund");

  /** What the handler records in the auction notice. */
  public record Notice(BigDecimal startPrice, LocalDate publishedOn, LocalDateTime startsAt, LocalDateTime endsAt,
      String platform) {}

  /** The first round, which the second one is measured against. */
  public record FirstRound(BigDecimal startPrice, LocalDateTime endedAt, String platform) {}

  private AuctionRules() {
  }

  public static boolean realEstateOrRights(String propertyKind) {
    return REAL_ESTATE_OR_RIGHTS.contains(propertyKind);
  }

  /** Every rule the notice breaks, empty when it keeps them all; {@code first} is null for the first round. */
  public static List<String> check(Notice notice, String propertyKind, BigDecimal referencePrice, FirstRound first) {
    List<String> problems = new ArrayList<>();
    boolean realEstate = realEstateOrRights(propertyKind);
    String what = realEstate ? "不动产或者其他财产权" : "动产";
    if (first == null) {
      BigDecimal least = referencePrice.multiply(MIN_START_SHARE).setScale(2, RoundingMode.CEILING);
      if (notice.startPrice().compareTo(referencePrice.multiply(MIN_START_SHARE)) < 0) {
        problems.add("起拍价 " + notice.startPrice() + " 元低于参考价 " + referencePrice + " 元的百分之七十（" + least
            + " 元）：" + RULE + "第十条「起拍价不得低于评估价或者市价的百分之七十」");
      }
      noticeDays(problems, notice, realEstate ? FIRST_NOTICE_REAL_ESTATE : FIRST_NOTICE_MOVABLES, what, "第十二条");
    } else {
      BigDecimal least = first.startPrice().multiply(MIN_SECOND_SHARE).setScale(2, RoundingMode.CEILING);
      if (notice.startPrice().compareTo(first.startPrice().multiply(MIN_SECOND_SHARE)) < 0) {
        problems.add("再次拍卖的起拍价 " + notice.startPrice() + " 元较前次起拍价 " + first.startPrice()
            + " 元降价超过百分之二十（不得低于 " + least + " 元）：" + RULE + "第二十六条「再次拍卖的起拍价降价幅度不得超过前次起拍价的百分之二十」");
      }
      noticeDays(problems, notice, realEstate ? SECOND_NOTICE_REAL_ESTATE : SECOND_NOTICE_MOVABLES, what, "第二十六条");
      LocalDate latest = first.endedAt().toLocalDate().plusDays(SECOND_WITHIN_DAYS);
      if (notice.startsAt().toLocalDate().isAfter(latest)) {
        problems.add("前次拍卖于 " + first.endedAt().toLocalDate() + " 流拍，再次拍卖应当在三十日内（" + latest + " 前）进行，本次定于 "
            + notice.startsAt().toLocalDate() + "：" + RULE + "第二十六条「流拍后应当在三十日内在同一网络司法拍卖平台再次拍卖」");
      }
      if (!first.platform().equals(notice.platform())) {
        problems.add("再次拍卖应当在前次拍卖的同一网络司法拍卖平台（" + first.platform() + "）进行：" + RULE + "第二十六条");
      }
    }
    if (!notice.endsAt().isAfter(notice.startsAt())) {
      problems.add("竞价结束时间应晚于开始时间");
    } else if (Duration.between(notice.startsAt(), notice.endsAt()).compareTo(MIN_BIDDING) < 0) {
      problems.add("竞价时间为 " + hours(notice) + " 小时，不得少于二十四小时：" + RULE + "第二十条「竞价时间不得少于二十四小时」");
    }
    return problems;
  }

  private static void noticeDays(List<String> problems, Notice notice, int days, String what, String article) {
    long given = ChronoUnit.DAYS.between(notice.publishedOn(), notice.startsAt().toLocalDate());
    if (given < days) {
      String number = NUMERALS.get(days);
      problems.add("公告日 " + notice.publishedOn() + " 距拍卖开始 " + notice.startsAt().toLocalDate() + " 仅 " + given + " 日，拍卖"
          + what + "应当在拍卖" + number + "日前公告：" + RULE + article);
    }
  }

  private static String hours(Notice notice) {
    long minutes = Duration.between(notice.startsAt(), notice.endsAt()).toMinutes();
    return minutes % 60 == 0 ? String.valueOf(minutes / 60)
        : BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.DOWN).toPlainString();
  }
}
