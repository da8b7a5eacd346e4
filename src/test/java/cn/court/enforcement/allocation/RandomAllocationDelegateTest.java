package cn.court.enforcement.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class RandomAllocationDelegateTest {

  private static final String CASE = "（2026）豫0000执1234号";

  @Mock
  private AllocationService allocation;
  @Mock
  private DelegateExecution execution;
  private RandomAllocationDelegate delegate;

  @BeforeEach
  void setUp() {
    delegate = new RandomAllocationDelegate(allocation);
    when(execution.getProcessInstanceId()).thenReturn("pi-1");
    when(execution.getProcessBusinessKey()).thenReturn(CASE);
  }

  private static DrawRecord drawOf(String team) {
    return DrawRecord.link(42, CASE, "pi-1", "[\"" + team + "\"]", "{}", 0, team, Instant.now(),
        DrawRecord.GENESIS_HASH);
  }

  @Test
  void setsTheDrawnTeamAndTheDrawRecord() {
    when(execution.getVariable("conflictTeams"))
        .thenReturn(Spin.JSON("[\"ordinary-team-2\",\"ordinary-team-4\"]"));
    when(execution.getVariable("conflictReason")).thenReturn("承办法官与被执行人系同学");
    when(allocation.allocate(CASE, "pi-1", Set.of("ordinary-team-2", "ordinary-team-4"),
        "承办法官与被执行人系同学")).thenReturn(drawOf("ordinary-team-3"));

    delegate.execute(execution);

    verify(execution).setVariable("handlingTeam", "ordinary-team-3");
    verify(execution).setVariable("allocationDrawId", 42L);
  }

  @Test
  void theCaseIsTheBusinessKeyWhateverAVariableSays() {
    lenient().when(execution.getVariable("caseNumber")).thenReturn("（2026）豫0000执1号");
    when(allocation.allocate(CASE, "pi-1", Set.of(), null)).thenReturn(drawOf("ordinary-team-1"));

    delegate.execute(execution);

    verify(execution).setVariable("handlingTeam", "ordinary-team-1");
  }

  @Test
  void refusesACaseWithoutNumber() {
    when(execution.getProcessBusinessKey()).thenReturn(null);

    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("缺少案号");
    verifyNoInteractions(allocation);
  }

  @Test
  void conflictTeamsAreReadFromJsonCollectionsAndText() {
    assertThat(RandomAllocationDelegate.conflictTeams(Spin.JSON("[\"ordinary-team-1\"]")))
        .containsExactly("ordinary-team-1");
    assertThat(RandomAllocationDelegate.conflictTeams(List.of("ordinary-team-1", " ordinary-team-2 ")))
        .containsExactly("ordinary-team-1", "ordinary-team-2");
    assertThat(RandomAllocationDelegate.conflictTeams("ordinary-team-3, ordinary-team-5，ordinary-team-1"))
        .containsExactly("ordinary-team-3", "ordinary-team-5", "ordinary-team-1");
    assertThat(RandomAllocationDelegate.conflictTeams("")).isEmpty();
    assertThat(RandomAllocationDelegate.conflictTeams(null)).isEmpty();
    assertThatThrownBy(() -> RandomAllocationDelegate.conflictTeams(Spin.JSON("{\"a\":1}")))
        .isInstanceOf(BadUserRequestException.class);
  }

  @Test
  void noEligibleTeamReachesTheEngineAsBpmnError() {
    when(allocation.allocate(anyString(), any(), any(), any()))
        .thenThrow(new BpmnError(Candidates.NO_ELIGIBLE_TEAM, "没有可参与随机分案的普通执行团队"));

    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOfSatisfying(BpmnError.class,
            error -> assertThat(error.getErrorCode()).isEqualTo("NO_ELIGIBLE_TEAM"));
  }
}
