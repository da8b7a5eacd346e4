package cn.court.enforcement.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.support.StaffClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Identities come from the organisation file: staff change only their own password (within the
 * policy), never their names or accounts; administrators keep full rights. Over REST and over the
 * webapps' engine API with a logged-in clerk (CSRF). Each test uses its own users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Changes passwords and names of seed users: the tests after it get a fresh context.
@DirtiesContext
class IdentityChangesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REST = "/engine-rest";
  private static final String WEBAPP = "/camunda/api/engine/engine/default";
  private static final String GOOD_PASSWORD = "Qiuyue-Zhixing-88";

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  @AfterEach
  void clearAuthentication() {
    identity.clearAuthentication();
  }

  private static String profile(String user, String name) {
    return "{\"id\":\"" + user + "\",\"firstName\":\"" + name + "\",\"lastName\":\"\"}";
  }

  private static String credentials(String password) {
    return "{\"password\":\"" + password + "\",\"authenticatedUserPassword\":\"demo\"}";
  }

  private static String message(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).path("message").asText();
  }

  private String nameOf(String user) {
    return identity.createUserQuery().userId(user).singleResult().getFirstName();
  }

  private void staffCannotRenameOrDelete(StaffClient clerk, String api, String user, String name) throws Exception {
    HttpResponse<String> rename = clerk.put(api + "/user/" + user + "/profile", profile(user, "局长（演示）"));
    assertThat(rename.statusCode()).isEqualTo(403);
    assertThat(message(rename)).isEqualTo("姓名等个人信息以组织机构文件为准，只有系统管理员可以修改。");
    HttpResponse<String> delete = clerk.delete(api + "/user/" + user);
    assertThat(delete.statusCode()).isEqualTo(403);
    assertThat(message(delete)).isEqualTo("只有系统管理员可以删除用户。");
    assertThat(nameOf(user)).isEqualTo(name);
    assertThat(clerk.get(api + "/user/" + user + "/profile").body()).as("reading stays allowed").contains(name);
  }

  private void passwordPolicyApplies(StaffClient clerk, String api, String user) throws Exception {
    HttpResponse<String> tooShort = clerk.put(api + "/user/" + user + "/credentials", credentials("a"));
    assertThat(tooShort.statusCode()).isEqualTo(400);
    assertThat(message(tooShort)).isEqualTo("新密码不符合要求：须至少 10 个字符。");
    HttpResponse<String> withId = clerk.put(api + "/user/" + user + "/credentials", credentials(user + "-2026"));
    assertThat(withId.statusCode()).isEqualTo(400);
    assertThat(message(withId)).isEqualTo("新密码不符合要求：须不包含用户名、姓名或邮箱。");
    assertThat(clerk.put(api + "/user/" + user + "/credentials", credentials(GOOD_PASSWORD)).statusCode()).isEqualTo(204);
  }

  @Test
  void staffCannotRenameOrDeleteThemselvesOverRest() throws Exception {
    staffCannotRenameOrDelete(StaffClient.rest(port, "lilinxia", "demo"), REST, "lilinxia", "李林霞");
  }

  @Test
  void staffCannotRenameOrDeleteThemselvesInTheWebapps() throws Exception {
    StaffClient clerk = StaffClient.webapp(port, "tasklist", "wangyanjiao", "demo");
    assertThat(clerk.loginStatus).isEqualTo(200);
    staffCannotRenameOrDelete(clerk, WEBAPP, "wangyanjiao", "王艳姣");
  }

  @Test
  void passwordsFollowThePolicyOverRest() throws Exception {
    passwordPolicyApplies(StaffClient.rest(port, "chengxinfeng", "demo"), REST, "chengxinfeng");
    assertThat(StaffClient.rest(port, "chengxinfeng", GOOD_PASSWORD).get(REST + "/task/count").statusCode()).isEqualTo(200);
  }

  @Test
  void passwordsFollowThePolicyInTheWebapps() throws Exception {
    StaffClient clerk = StaffClient.webapp(port, "tasklist", "dingyi", "demo");
    assertThat(clerk.loginStatus).isEqualTo(200);
    passwordPolicyApplies(clerk, WEBAPP, "dingyi");
    assertThat(StaffClient.webapp(port, "tasklist", "dingyi", GOOD_PASSWORD).loginStatus).isEqualTo(200);
  }

  @Test
  void staffCannotSetSomeoneElsesPassword() {
    HttpResponse<String> response = StaffClient.rest(port, "zhengyaoxuan", "demo")
        .put(REST + "/user/siyonghao/credentials", credentials(GOOD_PASSWORD));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(identity.checkPassword("siyonghao", "demo")).isTrue();
  }

  @Test
  void theEngineItselfNoLongerLetsStaffDeleteTheirUser() {
    identity.setAuthentication("menghengrui", List.of("intensive-affairs"));
    assertThatThrownBy(() -> identity.deleteUser("menghengrui")).isInstanceOf(AuthorizationException.class);
  }

  @Test
  void administratorsStillEditProfiles() {
    assertThat(StaffClient.rest(port, "admin", "demo")
        .put(REST + "/user/zhoujinxi/profile", profile("zhoujinxi", "周锦希（改）")).statusCode()).isEqualTo(204);
    assertThat(nameOf("zhoujinxi")).isEqualTo("周锦希（改）");

    StaffClient admin = StaffClient.webapp(port, "admin", "admin", "demo");
    assertThat(admin.put(WEBAPP + "/user/songjiabin/profile", profile("songjiabin", "宋佳彬（改）")).statusCode())
        .isEqualTo(204);
    assertThat(nameOf("songjiabin")).isEqualTo("宋佳彬（改）");
  }

  @Test
  void camundasPagesCanShowThePolicy() {
    String policy = StaffClient.rest(port, "chuibocheng", "demo").get(REST + "/identity/password-policy").body();
    assertThat(policy).contains("PASSWORD_POLICY_LENGTH", "\"minLength\":\"10\"", "PASSWORD_POLICY_USER_DATA");
  }
}
