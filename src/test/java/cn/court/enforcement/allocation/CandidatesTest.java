package cn.court.enforcement.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.junit.jupiter.api.Test;

class CandidatesTest {

  private final AllocationProperties properties =
      new AllocationProperties(null, Map.of("ordinary-team-2", "全员外出培训"));

  @Test
  void defaultPoolIsTheFiveOrdinaryTeams() {
    assertThat(new AllocationProperties(null, null).pool()).containsExactly("ordinary-team-1",
        "ordinary-team-2", "ordinary-team-3", "ordinary-team-4", "ordinary-team-5");
  }

  @Test
  void conflictAndUnavailableTeamsAreExcludedWithTheirReasons() {
    Candidates candidates = Candidates.of(properties, Set.of("ordinary-team-4"), "承办人与被执行人系亲属");

    assertThat(candidates.eligible())
        .containsExactly("ordinary-team-1", "ordinary-team-3", "ordinary-team-5");
    assertThat(candidates.excluded()).containsExactly(
        Map.entry("ordinary-team-2", "暂停分案：全员外出培训"),
        Map.entry("ordinary-team-4", "回避：承办人与被执行人系亲属"));
  }

  @Test
  void excludedTeamsAreNeverChosen() {
    Candidates candidates = Candidates.of(properties, Set.of("ordinary-team-4", "ordinary-team-5"), null);
    SecureRandom random = new SecureRandom();

    for (int i = 0; i < 2_000; i++) {
      assertThat(candidates.pick(random::nextInt).team())
          .isIn("ordinary-team-1", "ordinary-team-3");
    }
    for (int value = 0; value < candidates.eligible().size(); value++) {
      int fixed = value;
      assertThat(candidates.pick(bound -> fixed).team())
          .isNotIn("ordinary-team-2", "ordinary-team-4", "ordinary-team-5");
    }
  }

  @Test
  void unknownConflictTeamIsRefused() {
    assertThatThrownBy(() -> Candidates.of(properties, List.of("ordinary-team-9"), "亲属"))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("ordinary-team-9")
        .hasMessageContaining("不在随机分案团队范围内");
  }

  @Test
  void nothingEligibleIsABpmnErrorForTheLeaders() {
    List<String> others = List.of("ordinary-team-1", "ordinary-team-3", "ordinary-team-4",
        "ordinary-team-5");

    assertThatThrownBy(() -> Candidates.of(properties, others, "利害关系"))
        .isInstanceOfSatisfying(BpmnError.class, error -> {
          assertThat(error.getErrorCode()).isEqualTo("NO_ELIGIBLE_TEAM");
          assertThat(error.getMessage()).contains("没有可参与随机分案的普通执行团队");
        });
  }

  @Test
  void storedListsAreCompactJsonInPoolOrder() {
    Candidates candidates = Candidates.of(properties, Set.of("ordinary-team-4"), "亲属");

    assertThat(candidates.eligibleJson())
        .isEqualTo("[\"ordinary-team-1\",\"ordinary-team-3\",\"ordinary-team-5\"]");
    assertThat(candidates.excludedJson())
        .isEqualTo("{\"ordinary-team-2\":\"暂停分案：全员外出培训\",\"ordinary-team-4\":\"回避：亲属\"}");
    assertThat(Candidates.parseEligible(candidates.eligibleJson())).isEqualTo(candidates.eligible());
  }
}
