package cn.court.enforcement.escalation;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.court.enforcement.organisation.Leaders;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * One shared application context (H2 in memory, job executor off) for the few tests that
 * need the engine with this feature's beans. Leaders are mocked: 杨国平 leads documents.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:time-limits;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.authorization.enabled=false"})
@AutoConfigureMockMvc
@Import(TimeLimitsSpringTest.MockLeaders.class)
public @interface TimeLimitsSpringTest {

  @TestConfiguration
  class MockLeaders {

    @Bean
    @Primary
    Leaders mockLeaders() {
      Leaders leaders = mock(Leaders.class);
      when(leaders.leaderOf("documents")).thenReturn(Optional.of("yangguoping"));
      return leaders;
    }
  }
}
