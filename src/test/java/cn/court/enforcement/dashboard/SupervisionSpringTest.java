package cn.court.enforcement.dashboard;

import cn.court.enforcement.demo.DemoCaseLoader;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application filled by the demo-cases command, in its own in-memory database, on a port: the
 * figures test and the browser test share this context (one demo load per test run).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:dash-supervision;DB_CLOSE_DELAY=-1")
@ActiveProfiles(DemoCaseLoader.PROFILE)
@interface SupervisionSpringTest {}
