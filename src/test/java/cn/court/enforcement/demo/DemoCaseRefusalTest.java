package cn.court.enforcement.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.court.enforcement.allocation.AllocationProperties;
import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.security.StartupRefusalAnalyzer;
import java.time.LocalDate;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** In the production profile the loader refuses before touching anything, unless allowed. */
class DemoCaseRefusalTest {

  private final CaseWalker walker = mock(CaseWalker.class);
  private final CaseRegistry registry = mock(CaseRegistry.class);

  @Test
  void refusesInThePostgresProfileWithoutTheFlag() {
    DemoCaseLoader loader = loaderInProduction(false);

    assertThatThrownBy(() -> loader.load(LocalDate.now())).isInstanceOf(DemoCasesRefusedException.class)
        .hasMessageContaining("拒绝生成演示案件").hasMessageContaining("court.demo.cases.allow-in-production=true")
        .satisfies(refusal -> assertThat(new StartupRefusalAnalyzer().analyze(refusal).getDescription())
            .as("start-up report instead of a stack trace").contains("拒绝生成演示案件"));
    verifyNoInteractions(walker, registry);
  }

  @Test
  void runsInThePostgresProfileWhenExplicitlyAllowed() {
    when(registry.exists(anyString())).thenReturn(true); // all filed already: nothing to do
    assertThat(loaderInProduction(true).load(LocalDate.now())).isZero();
    verify(registry, atLeastOnce()).exists(anyString());
  }

  private DemoCaseLoader loaderInProduction(boolean allowed) {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("postgres", DemoCaseLoader.PROFILE);
    return new DemoCaseLoader(walker, registry, mock(TaskService.class), environment,
        new DemoCaseProperties(allowed), new AllocationProperties(null, null));
  }
}
