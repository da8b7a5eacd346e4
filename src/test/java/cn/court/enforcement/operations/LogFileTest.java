package cn.court.enforcement.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The log configuration as Spring Boot applies it (logback-spring.xml with the profile's
 * application-postgres.yml): in the {@code postgres} profile a file beside the console that rolls
 * daily and at 20 MB, kept 30 days and 1 GB in all; the demo profile writes no file. The
 * application's logging is put back as it was afterwards.
 */
class LogFileTest {

  private static final String CONFIG = "classpath:logback-spring.xml";

  @Test
  void thePostgresProfileWritesARollingFileBesideTheConsole(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("enforcement-bureau.log");
    MockEnvironment environment = postgresProfile();
    environment.setProperty("LOGGING_FILE_PATH", folder.toString());

    configured(environment, context -> {
      LoggerFactory.getLogger(LogFileTest.class).warn("案件 （2026）豫0000执1号：测试日志");
      Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
      assertThat(root.getAppender("CONSOLE")).isNotNull();
      RollingFileAppender<?> appender = (RollingFileAppender<?>) root.getAppender("FILE");
      assertThat(appender.getFile()).isEqualTo(file.toString());
      SizeAndTimeBasedRollingPolicy<?> policy = (SizeAndTimeBasedRollingPolicy<?>) appender.getRollingPolicy();
      assertThat(policy.getFileNamePattern()).isEqualTo(file + ".%d{yyyy-MM-dd}.%i.gz");
      assertThat(policy.getMaxHistory()).isEqualTo(30);
      assertThat(((FileSize) ReflectionTestUtils.getField(policy, "maxFileSize")).getSize())
          .isEqualTo(FileSize.valueOf("20MB").getSize());
      assertThat(((FileSize) ReflectionTestUtils.getField(policy, "totalSizeCap")).getSize())
          .isEqualTo(FileSize.valueOf("1GB").getSize());
    });
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("WARN", "案件 （2026）豫0000执1号：测试日志");
  }

  @Test
  void withoutAFolderTheFileIsUnderTheWorkingDirectoryAndTheDemoWritesNone() {
    assertThat(postgresProfile().getProperty("logging.file.name")).isEqualTo("logs/enforcement-bureau.log");
    configured(new MockEnvironment(), context ->
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE")).isNull());
  }

  private static MockEnvironment postgresProfile() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("postgres");
    try {
      new YamlPropertySourceLoader().load("application-postgres.yml", new ClassPathResource("application-postgres.yml"))
          .forEach(environment.getPropertySources()::addLast);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return environment;
  }

  /**
   * Configures logging as Spring Boot does for {@code environment}, runs {@code check}, and puts
   * the JVM's logging (and the system properties Boot sets for it) back as they were.
   */
  private static void configured(MockEnvironment environment, Consumer<LoggerContext> check) {
    LoggingSystem system = LoggingSystem.get(LogFileTest.class.getClassLoader());
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    boolean wasInitialized = context.getObject(LoggingSystem.class.getName()) != null;
    Properties properties = (Properties) System.getProperties().clone();
    try {
      system.cleanUp();
      system.beforeInitialize();
      // As Boot's LoggingApplicationListener: the settings become the properties logback-spring.xml reads.
      system.getSystemProperties(environment).apply(LogFile.get(environment));
      system.initialize(new LoggingInitializationContext(environment), CONFIG, LogFile.get(environment));
      check.accept(context);
    } finally {
      system.cleanUp();
      System.setProperties(properties);
      system.beforeInitialize();
      system.initialize(new LoggingInitializationContext(new MockEnvironment()), CONFIG, null);
      if (!wasInitialized) {
        system.cleanUp();
      }
    }
  }
}
