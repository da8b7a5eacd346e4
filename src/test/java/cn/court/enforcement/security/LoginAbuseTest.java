package cn.court.enforcement.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.support.StaffClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.function.IntSupplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Password guessing stays slow without letting a stranger lock a clerk out: per address (429
 * with a growing delay) and per user (the engine's short lock), over REST and the webapp login.
 * Each test uses its own addresses (sent as a reverse proxy on localhost would) and users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
// Locks users and addresses (some on a clock moved ahead): the tests after it get a fresh context.
@DirtiesContext
class LoginAbuseTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired ProcessEngineConfigurationImpl engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private HttpResponse<String> rest(String address, String user, String password) {
    return StaffClient.rest(port, user, password).from(address).get("/engine-rest/task/count");
  }

  private int webapp(String address, String user, String password) {
    return StaffClient.webappFrom(address, port, "tasklist", user, password).loginStatus;
  }

  /** Retries {@code login} until it answers 200; returns how long that took. */
  private static Duration untilAdmitted(IntSupplier login) throws InterruptedException {
    long start = System.nanoTime();
    while (login.getAsInt() != 200) {
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("still refused").isLessThan(Duration.ofSeconds(20));
      Thread.sleep(250);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private Duration longestUserDelay() {
    return Duration.ofSeconds(engine.getLoginDelayMaxTime() + 1);
  }

  @Test
  void aStrangersWrongPasswordsKeepTheClerkOutOnlyBriefly() throws Exception {
    for (int i = 0; i < 20; i++) {
      assertThat(rest("198.51.100.1", "zhouyuan", "guess" + i).statusCode()).isIn(401, 429);
    }
    assertThat(untilAdmitted(() -> rest("198.51.100.2", "zhouyuan", "demo").statusCode()))
        .isLessThan(longestUserDelay());
  }

  @Test
  void noNumberOfFailuresLocksAUserForLongerThanTenSeconds() {
    Date now = new Date();
    for (int i = 0; i < 30; i++) {
      now = new Date(now.getTime() + 11_000);
      ClockUtil.setCurrentTime(now);
      assertThat(identity.checkPassword("hongjianjun", "wrong")).isFalse();
    }
    ClockUtil.setCurrentTime(new Date(now.getTime() + 9_000));
    assertThat(identity.checkPassword("hongjianjun", "demo")).as("still within the per-user delay").isFalse();
    ClockUtil.setCurrentTime(new Date(now.getTime() + 10_001));
    assertThat(identity.checkPassword("hongjianjun", "demo")).isTrue();
  }

  @Test
  void aFailedLoginDelaysThatUsersNextLoginByAFewSeconds() throws Exception {
    assertThat(rest("198.51.100.3", "zhengcunxi", "wrong").statusCode()).isEqualTo(401);
    Duration delay = untilAdmitted(() -> rest("198.51.100.3", "zhengcunxi", "demo").statusCode());
    assertThat(delay).isGreaterThan(Duration.ofSeconds(engine.getLoginDelayBase() - 1)).isLessThan(longestUserDelay());
  }

  @Test
  void anAddressThatKeepsFailingIsRefusedWithAGrowingDelay() throws Exception {
    String guesser = "198.51.100.4";
    for (int i = 1; i <= LoginThrottle.FREE_FAILURES + 1; i++) {
      assertThat(rest(guesser, "nobody" + i, "guess").statusCode()).as("failure %d", i).isEqualTo(401);
    }
    HttpResponse<String> refused = rest(guesser, "rongxing", "demo");
    assertThat(refused.statusCode()).as("refused before the password is checked").isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(JSON.readTree(refused.body()).path("message").asText()).isEqualTo("登录失败次数过多，请 1 秒后再试。");

    Thread.sleep(1100);
    assertThat(rest(guesser, "nobody-late", "guess").statusCode()).isEqualTo(401);
    refused = rest(guesser, "nobody-later", "guess");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
    StaffClient webapp = StaffClient.webappFrom(guesser, port, "tasklist", "rongxing", "demo");
    assertThat(webapp.loginStatus).as("the same address on the other channel").isEqualTo(429);
    assertThat(webapp.loginBody).contains("登录失败次数过多");

    assertThat(rest("198.51.100.5", "rongxing", "demo").statusCode()).as("another address").isEqualTo(200);
  }

  @Test
  void theWebappLoginIsThrottledAndTheClerkStillGetsIn() throws Exception {
    String stranger = "198.51.100.6";
    assertThat(webapp(stranger, "sunzhenchao", "guess")).isEqualTo(401);
    for (int i = 1; i <= LoginThrottle.FREE_FAILURES; i++) {
      assertThat(webapp(stranger, "nobody-w" + i, "guess")).isEqualTo(401);
    }
    StaffClient refused = StaffClient.webappFrom(stranger, port, "tasklist", "sunzhenchao", "guess");
    assertThat(refused.loginStatus).isEqualTo(429);
    assertThat(JSON.readTree(refused.loginBody).path("message").asText()).startsWith("登录失败次数过多，请 ");

    StaffClient[] clerk = new StaffClient[1];
    assertThat(untilAdmitted(() -> (clerk[0] = StaffClient.webappFrom("198.51.100.7", port, "tasklist",
        "sunzhenchao", "demo")).loginStatus)).isLessThan(longestUserDelay());
    assertThat(clerk[0].get("/camunda/api/engine/engine/default/user/sunzhenchao/profile").body()).contains("孙振朝");
  }

  @Test
  void failuresAreLoggedAndListedToAdministratorsOnly(CapturedOutput output) throws Exception {
    String address = "198.51.100.8";
    assertThat(rest(address, "liudengfeng", "secret-guess-1").statusCode()).isEqualTo(401);
    assertThat(webapp(address, "no-such-clerk", "secret-guess-2")).isEqualTo(401);

    HttpResponse<String> listed = StaffClient.rest(port, "admin", "demo").get("/api/security/login-failures");
    assertThat(listed.statusCode()).isEqualTo(200);
    JsonNode failures = JSON.readTree(listed.body());
    assertThat(failures).anySatisfy(f -> {
      assertThat(f.path("userId").asText()).isEqualTo("liudengfeng");
      assertThat(f.path("address").asText()).isEqualTo(address);
      assertThat(f.path("channel").asText()).isEqualTo("REST");
      assertThat(f.path("failedAt").asText()).isNotBlank();
    });
    assertThat(failures).anySatisfy(f -> {
      assertThat(f.path("userId").asText()).isEqualTo("no-such-clerk");
      assertThat(f.path("channel").asText()).isEqualTo("WEBAPP");
    });
    assertThat(listed.body()).doesNotContain("secret-guess");

    assertThat(output.getOut()).contains("Failed login of user 'liudengfeng' from " + address + " (REST)",
        "Failed login of user 'no-such-clerk' from " + address + " (WEBAPP)").doesNotContain("secret-guess");

    HttpResponse<String> staff = StaffClient.rest(port, "chenlei", "demo").get("/api/security/login-failures");
    assertThat(staff.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(staff.body()).path("message").asText()).isEqualTo("只有系统管理员可以查看登录失败记录。");
  }
}
