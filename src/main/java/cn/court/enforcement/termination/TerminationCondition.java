package cn.court.enforcement.termination;

/**
 * The conditions of 终结本次执行程序, all of which must hold for each respondent
 * (《最高人民法院关于严格规范终结本次执行程序的规定（试行）》法〔2016〕373号 第一条, with 第二条, 第三条 and
 * 第五条 naming what each consists of).
 */
public enum TerminationCondition {

  /** 第一条第一项, 第二条: execution notice served, property report ordered, the report checked. */
  NOTICE_AND_REPORT("已发出执行通知、责令报告财产", "第一条第一项、第二条"),
  /** 第一条第二项: consumption restriction, and the dishonest list where the respondent qualifies. */
  RESTRICTION("已发出限制消费令，符合条件的已纳入失信名单", "第一条第二项"),
  /** 第一条第三项, 第三条: investigation exhausted, nothing usable or nothing that can be disposed of. */
  INVESTIGATION("已穷尽财产调查措施，无可供执行或可处置的财产", "第一条第三项、第三条"),
  /** 第一条第四项: more than three months since filing. */
  THREE_MONTHS("自立案之日起已超过三个月", "第一条第四项"),
  /** 第一条第五项: a missing respondent searched for, obstruction punished. */
  SEARCH_AND_OBSTRUCTION("下落不明的已查找，妨害执行的已依法惩戒", "第一条第五项"),
  /** 第五条: the applicant told the case's state, the measures and the consequences, and heard. */
  APPLICANT_HEARD("已告知申请执行人并听取其意见", "第五条");

  private final String label;
  private final String article;

  TerminationCondition(String label, String article) {
    this.label = label;
    this.article = article;
  }

  public String label() {
    return label;
  }

  /** The label with its article of 法〔2016〕373号, as the checklist shows it. */
  public String title() {
    return label + "（" + article + "）";
  }
}
