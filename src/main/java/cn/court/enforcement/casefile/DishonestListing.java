package cn.court.enforcement.casefile;

import java.time.LocalDate;

/**
 * The listing period on the dishonest-debtor list (《最高人民法院关于公布失信被执行人名单信息的若干规定》
 * 第二条): two years for the grounds of 第一条第二项至第六项, extended by one to three years where the
 * respondent obstructed enforcement by violence or threats in a serious way or acted dishonestly
 * several times; the ground of 第一条第一项 (able to perform but refusing) has no fixed period.
 */
public final class DishonestListing {

  /** Proposal fields (form punishment-proposal): the ground of 第一条, and a longer period. */
  public static final String GROUND = "dishonestGround";
  public static final String EXTENDED = "listingExtended";
  public static final String EXTRA_YEARS = "listingExtraYears";
  /** 第一条第一项: 有履行能力而拒不履行生效法律文书确定义务 (no fixed period). */
  static final String GROUND_WITHOUT_PERIOD = "able-but-refuses";
  static final int YEARS = 2;
  static final int MAX_EXTRA_YEARS = 3;
  static final String ARTICLE_2 = "（《最高人民法院关于公布失信被执行人名单信息的若干规定》第二条）";

  private DishonestListing() {
  }

  /** The listing's years from the proposal, or null for no fixed period (or when {@code check} names a problem). */
  static Integer years(FormCheck check) {
    String ground = check.text(GROUND, "纳入失信名单的情形");
    boolean extended = check.flag(EXTENDED);
    if (GROUND_WITHOUT_PERIOD.equals(ground)) {
      check.require(!extended, "有履行能力而拒不履行的，纳入失信名单没有固定期限，不能延长" + ARTICLE_2);
      return null;
    }
    if (ground == null) {
      return null;
    }
    if (!extended) {
      return YEARS;
    }
    Integer extra = check.wholeNumber(EXTRA_YEARS, "延长的纳入期限（年）", 1, MAX_EXTRA_YEARS);
    return extra == null ? null : YEARS + extra;
  }

  /** The last day on the list: the period runs from the day the decision is made. */
  static LocalDate end(LocalDate decided, int years) {
    return decided.plusYears(years);
  }
}
