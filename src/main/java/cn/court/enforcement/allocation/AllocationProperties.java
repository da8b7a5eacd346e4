package cn.court.enforcement.allocation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The ordinary teams that take part in random allocation (随机分案).
 *
 * @param pool        team group ids drawn from; the seed lists five ordinary teams
 * @param unavailable teams temporarily left out of the draw, with the reason recorded in
 *                    every draw they miss (e.g. {@code ordinary-team-3: 全员外出培训})
 */
@ConfigurationProperties(prefix = "court.allocation")
public record AllocationProperties(List<String> pool, Map<String, String> unavailable) {

  public AllocationProperties {
    pool = pool == null || pool.isEmpty()
        ? List.of("ordinary-team-1", "ordinary-team-2", "ordinary-team-3", "ordinary-team-4",
            "ordinary-team-5")
        : List.copyOf(pool);
    unavailable = unavailable == null
        ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(unavailable));
  }
}
