package cn.court.enforcement.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.court.enforcement.support.FormCases;
import cn.court.enforcement.support.FormExample;
import cn.court.enforcement.support.FormSubmissions;
import cn.court.enforcement.support.StaffClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clerk's refused filing is the clerk's mistake, not the server's: the log gets one WARN line with the Chinese
 * message, from every logger together (the engine's included), no ERROR and no stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class RefusedInputLogTest {

  private static final String START = "/engine-rest/process-definition/key/enforcement-case/submit-form";

  @LocalServerPort int port;

  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  @BeforeEach
  void listen() {
    events.start();
    root().addAppender(events);
  }

  @AfterEach
  void stopListening() {
    root().detachAppender(events);
  }

  @Test
  void aRefusedFormIsOneWarnLine(CapturedOutput output) {
    FormExample filing = FormExample.of("case-filing");
    Map<String, Object> values = filing.valid(FormCases.newCaseNumber());
    values.put(filing.invalid().field(), filing.invalid().value());
    assertOneWarnLine(output, FormSubmissions.variables(values), "无法启动「执行案件办理」");
  }

  @Test
  void aRefusalOfTheApplicationsOwnRulesIsOneWarnLine(CapturedOutput output) {
    Map<String, Object> values = FormExample.of("case-filing").valid(FormCases.newCaseNumber());
    @SuppressWarnings("unchecked")
    Map<String, Object> respondent = (Map<String, Object>) values.get("respondent1");
    respondent.put("idNumber", "410105198001011230"); // wrong check character
    assertOneWarnLine(output, FormSubmissions.variables(values), "不是有效的18位居民身份证号码");
  }

  private void assertOneWarnLine(CapturedOutput output, String body, String message) {
    int printed = output.getOut().length();
    events.list.clear();
    HttpResponse<String> refused = StaffClient.rest(port, "lianyuan", "demo").post(START, body);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains(message);

    List<ILoggingEvent> warnings = List.copyOf(events.list).stream()
        .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
    assertThat(warnings).hasSize(1);
    ILoggingEvent warning = warnings.get(0);
    assertThat(warning.getLevel()).isEqualTo(Level.WARN);
    assertThat(warning.getLoggerName()).isEqualTo(ChineseErrors.class.getName());
    assertThat(warning.getFormattedMessage()).startsWith("请求被拒绝（400）：").contains(message).doesNotContain("\n");
    assertThat(warning.getThrowableProxy()).isNull();

    String log = output.getOut().substring(printed);
    assertThat(log.lines().filter(line -> line.contains(" WARN ")).count()).isOne();
    assertThat(log).doesNotContain(" ERROR ", "\tat ", "Exception");
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
