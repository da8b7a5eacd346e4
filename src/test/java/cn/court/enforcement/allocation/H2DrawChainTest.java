package cn.court.enforcement.allocation;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

class H2DrawChainTest extends DrawChainContract {

  @Override
  HikariDataSource newDataSource() {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl("jdbc:h2:mem:allocation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    dataSource.setUsername("sa");
    dataSource.setMaximumPoolSize(5);
    return dataSource;
  }

  @Override
  void dropDatabase(JdbcTemplate jdbc) {
    jdbc.execute("SHUTDOWN");
  }
}
