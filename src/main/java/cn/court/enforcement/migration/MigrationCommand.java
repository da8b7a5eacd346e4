package cn.court.enforcement.migration;

import cn.court.enforcement.migration.CaseMigration.Migration;
import cn.court.enforcement.migration.CaseMigration.Progress;
import cn.court.enforcement.migration.CaseMigration.Started;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The migration as a command against the running system's database: the application started
 * with {@code court.migration.process-key} (and no web server) prints the dry run, or with
 * {@code court.migration.confirm=true} migrates and follows the batches until they are done,
 * then exits (README "Moving running cases to a new version").
 */
@Component
@ConditionalOnProperty(prefix = "court.migration", name = "process-key")
public class MigrationCommand implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(MigrationCommand.class);
  private static final long POLL_MILLIS = 2000;

  private final CaseMigration migration;
  private final MigrationProperties properties;
  private final ConfigurableApplicationContext context;

  public MigrationCommand(CaseMigration migration, MigrationProperties properties, ConfigurableApplicationContext context) {
    this.migration = migration;
    this.properties = properties;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) throws InterruptedException {
    String key = properties.processKey();
    if (!properties.confirm()) {
      migration.dryRun(key).lines().forEach(log::info);
      log.info("以上为试运行结果，未迁移任何实例；确认迁移请加 --court.migration.confirm=true 再运行。");
    } else {
      Migration started = migration.migrate(key);
      started.report().lines().forEach(log::info);
      for (Started batch : started.batches()) {
        follow(batch);
      }
    }
    System.exit(SpringApplication.exit(context, () -> 0));
  }

  /** Until the job executors (this one's and the running server's) have done the batch, or only failed jobs are left. */
  private void follow(Started batch) throws InterruptedException {
    while (true) {
      Progress progress = migration.progress(batch.batchId());
      log.info("批次 {}（版本 {}，{} 个实例）：已完成 {} / {} 个作业，失败 {} 个", batch.batchId(), batch.version(),
          batch.instances(), progress.completedJobs(), progress.totalJobs(), progress.failedJobs());
      if (progress.finished()) {
        return;
      }
      if (progress.remainingJobs() > 0 && progress.remainingJobs() == progress.failedJobs()) {
        log.warn("批次 {} 有 {} 个作业失败（见 Cockpit 的事件），其余已完成。", batch.batchId(), progress.failedJobs());
        return;
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
