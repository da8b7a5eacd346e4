package cn.court.enforcement.allocation;

import java.util.List;
import java.util.Map;

/**
 * How the draws fell.
 *
 * @param totalDraws       all draws on record
 * @param countsPerTeam    chosen team → draws, over all draws
 * @param pool             the teams configured now
 * @param fullPoolDraws    draws whose candidates were exactly today's pool (nobody excluded);
 *                         only these are tested, since a draw among fewer teams has a
 *                         different expected share per team
 * @param fullPoolCounts   team → draws, over those draws
 * @param chiSquare        Pearson statistic vs. uniform over the pool, null if too few draws
 * @param degreesOfFreedom pool size − 1
 * @param pValue           probability of a deviation at least this large if the draw is fair
 * @param message          Chinese summary for people
 */
public record FairnessReport(long totalDraws, Map<String, Long> countsPerTeam, List<String> pool,
    long fullPoolDraws, Map<String, Long> fullPoolCounts, Double chiSquare,
    Integer degreesOfFreedom, Double pValue, String message) {}
