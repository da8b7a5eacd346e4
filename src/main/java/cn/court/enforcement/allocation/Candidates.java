package cn.court.enforcement.allocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.BpmnError;

/**
 * The teams a case may be drawn to: the configured pool minus unavailable teams minus teams
 * excluded for a conflict of interest (回避), each exclusion with its reason.
 *
 * @param eligible teams in pool order; the draw value indexes this list
 * @param excluded team → reason, in pool order
 */
public record Candidates(List<String> eligible, Map<String, String> excluded) {

  public static final String NO_ELIGIBLE_TEAM = "NO_ELIGIBLE_TEAM";

  /** Plain mapper, not the application's: the stored (and hashed) text must not follow its settings. */
  private static final ObjectMapper JSON = new ObjectMapper();

  public Candidates {
    eligible = List.copyOf(eligible);
    excluded = Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
  }

  /**
   * @throws BadUserRequestException a conflict team that is not in the pool
   * @throws BpmnError               {@value #NO_ELIGIBLE_TEAM} when every team is excluded
   */
  public static Candidates of(AllocationProperties properties, Collection<String> conflictTeams,
      String conflictReason) {
    List<String> unknown = conflictTeams.stream()
        .filter(team -> !properties.pool().contains(team)).toList();
    if (!unknown.isEmpty()) {
      throw new BadUserRequestException("回避的团队不在随机分案团队范围内：" + String.join("、", unknown)
          + "（可选：" + String.join("、", properties.pool()) + "）");
    }
    List<String> eligible = new ArrayList<>();
    Map<String, String> excluded = new LinkedHashMap<>();
    for (String team : properties.pool()) {
      List<String> reasons = new ArrayList<>();
      if (properties.unavailable().containsKey(team)) {
        reasons.add("暂停分案：" + properties.unavailable().get(team));
      }
      if (conflictTeams.contains(team)) {
        reasons.add(conflictReason == null || conflictReason.isBlank()
            ? "回避" : "回避：" + conflictReason.strip());
      }
      if (reasons.isEmpty()) {
        eligible.add(team);
      } else {
        excluded.put(team, String.join("；", reasons));
      }
    }
    if (eligible.isEmpty()) {
      throw new BpmnError(NO_ELIGIBLE_TEAM, "没有可参与随机分案的普通执行团队（全部回避或暂停分案），请执行局领导指定承办团队");
    }
    return new Candidates(eligible, excluded);
  }

  /** Draws one eligible team uniformly at random. */
  public Pick pick(DrawSource source) {
    int value = source.nextInt(eligible.size());
    return new Pick(value, eligible.get(value));
  }

  public String eligibleJson() {
    return write(eligible);
  }

  public String excludedJson() {
    return write(excluded);
  }

  /** The eligible teams stored in a draw record. */
  public static List<String> parseEligible(String json) {
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable candidate list in allocation_draw: " + json, e);
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public record Pick(int drawValue, String team) {}
}
