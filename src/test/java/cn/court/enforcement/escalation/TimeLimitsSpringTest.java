package cn.court.enforcement.escalation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One shared application context (H2 in memory, job executor off) for the few tests that
 * need the engine with this feature's beans. Leaders come from the demo organisation file.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:time-limits;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.authorization.enabled=false"})
@AutoConfigureMockMvc
public @interface TimeLimitsSpringTest {}
