package cn.court.enforcement.disposal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Asset disposal (财产处置) settings.
 *
 * @param appraisers the appraisal institutions of the court's list (名单分库) drawn from at random when the
 *                   parties do not agree (《最高人民法院关于人民法院确定财产处置参考价若干问题的规定》第十六条); at
 *                   least three
 */
@ConfigurationProperties(prefix = "court.disposal")
public record DisposalProperties(List<String> appraisers) {

  /** 第十六条: three institutions and their order. */
  public static final int APPRAISERS_CHOSEN = 3;

  public DisposalProperties {
    appraisers = appraisers == null || appraisers.isEmpty()
        ? List.of("甲评估有限公司（演示）", "乙资产评估事务所（演示）", "丙房地产估价有限公司（演示）",
            "丁土地房地产评估有限公司（演示）", "戊资产评估有限公司（演示）")
        : List.copyOf(appraisers);
    if (appraisers.size() < APPRAISERS_CHOSEN) {
      throw new IllegalStateException("court.disposal.appraisers 至少应列出 " + APPRAISERS_CHOSEN + " 家评估机构");
    }
  }
}
