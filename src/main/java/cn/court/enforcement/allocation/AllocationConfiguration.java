package cn.court.enforcement.allocation;

import java.security.SecureRandom;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(AllocationProperties.class)
class AllocationConfiguration {

  /** A predictable generator would let someone steer cases to a team: use the OS's strong source. */
  @Bean
  DrawSource drawSource() {
    SecureRandom random = new SecureRandom();
    return random::nextInt;
  }
}
