package cn.court.enforcement.allocation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Checks that the recorded draws are spread evenly over the teams (chi-square test). */
@Service
public class FairnessService {

  /** Below this many draws per team the chi-square approximation is not trustworthy. */
  static final int MIN_EXPECTED_PER_TEAM = 5;
  /** A fair draw deviates this much or more once in a thousand reports. */
  static final double SIGNIFICANCE = 0.001;

  private final AllocationDrawRepository draws;
  private final AllocationProperties properties;

  public FairnessService(AllocationDrawRepository draws, AllocationProperties properties) {
    this.draws = draws;
    this.properties = properties;
  }

  public FairnessReport report() {
    List<String> pool = properties.pool();
    Map<String, Long> all = new LinkedHashMap<>();
    Map<String, Long> fullPool = new LinkedHashMap<>();
    pool.forEach(team -> {
      all.put(team, 0L);
      fullPool.put(team, 0L);
    });
    long[] total = {0};
    draws.forEachInChainOrder(draw -> {
      total[0]++;
      all.merge(draw.chosenTeam(), 1L, Long::sum);
      if (Candidates.parseEligible(draw.candidates()).equals(pool)) {
        fullPool.merge(draw.chosenTeam(), 1L, Long::sum);
      }
    });
    long fullPoolDraws = fullPool.values().stream().mapToLong(Long::longValue).sum();
    String method = "卡方检验只统计候选团队恰为当前全部" + pool.size() + "个团队（无回避、无暂停分案）的"
        + fullPoolDraws + "次抽签；有团队被排除的抽签期望比例不同，只计入各团队总数。";
    if (pool.size() < 2 || fullPoolDraws < (long) MIN_EXPECTED_PER_TEAM * pool.size()) {
      return new FairnessReport(total[0], all, pool, fullPoolDraws, fullPool, null, null, null,
          method + "样本不足（至少需要" + MIN_EXPECTED_PER_TEAM * pool.size() + "次），暂不作检验。");
    }
    double statistic = ChiSquare.uniformStatistic(
        fullPool.values().stream().mapToLong(Long::longValue).toArray());
    int degreesOfFreedom = pool.size() - 1;
    double p = ChiSquare.pValue(statistic, degreesOfFreedom);
    String verdict = p < SIGNIFICANCE
        ? String.format("p=%.4g < %s：分布显著偏离均匀，请核查分案。", p, SIGNIFICANCE)
        : String.format("p=%.4g ≥ %s：未发现偏离均匀分布。", p, SIGNIFICANCE);
    return new FairnessReport(total[0], all, pool, fullPoolDraws, fullPool, statistic,
        degreesOfFreedom, p, method + verdict);
  }
}
