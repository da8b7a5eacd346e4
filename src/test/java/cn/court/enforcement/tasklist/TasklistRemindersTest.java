package cn.court.enforcement.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.escalation.InAppNotifications;
import cn.court.enforcement.escalation.Notification;
import cn.court.enforcement.support.StaffClient;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's 提醒 talks to the notifications under the webapps' path: logged in as in Tasklist,
 * with the webapps' CSRF protection; a clerk reads and marks only her own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistRemindersTest {

  private static final String PATH = "/camunda/api/court/notifications";

  @LocalServerPort int port;
  @Autowired InAppNotifications notifications;

  private long remind(String user, String title) {
    notifications.send(new Notification(user, "REMINDER", title, "明天到期。", "（2026）豫0105执9号", null, null));
    return notifications.of(user, true, 1).get(0).id();
  }

  @Test
  void theTasklistLoginReadsTheUnreadCountAndMarksOwnRemindersRead() throws Exception {
    long first = remind("lilinxia", "任务即将到期：核对立案信息");
    long second = remind("lilinxia", "任务即将到期：登记初次接待情况");
    long colleagues = remind("wangyanjiao", "任务即将到期：网络查控");
    StaffClient clerk = StaffClient.webapp(port, "tasklist", "lilinxia", "demo");

    assertThat(clerk.get(PATH + "/unread-count").body()).isEqualTo("{\"unread\":2}");
    assertThat(clerk.get(PATH + "?limit=1").body()).contains("登记初次接待情况").doesNotContain("核对立案信息");
    assertThat(clerk.get(PATH + "?limit=0").statusCode()).isEqualTo(400);

    assertThat(clerk.post(PATH + "/" + first + "/read", "").statusCode()).isEqualTo(204);
    assertThat(clerk.get(PATH + "/unread-count").body()).isEqualTo("{\"unread\":1}");
    assertThat(notifications.of("lilinxia", true, null)).extracting(InAppNotifications.Stored::id).containsExactly(second);

    assertThat(clerk.post(PATH + "/" + colleagues + "/read", "").statusCode()).as("a colleague's").isEqualTo(404);
    assertThat(notifications.unreadCount("wangyanjiao")).isEqualTo(1);
  }

  @Test
  void withoutTheLoginOrTheCsrfTokenNothingIsReadOrMarked() throws Exception {
    long reminder = remind("siyonghao", "任务即将到期：核对立案信息");
    assertThat(StaffClient.rest(port, null, null).get(PATH).statusCode()).isEqualTo(401);

    // Logged in as in a browser, then a POST without the X-XSRF-TOKEN header (what another site's page sends).
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port;
    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/")).build(), BodyHandlers.discarding());
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    int login = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=siyonghao&password=demo")).build(), BodyHandlers.discarding())
        .statusCode();
    assertThat(login).isEqualTo(200);
    int status = browser.send(HttpRequest.newBuilder(URI.create(base + PATH + "/" + reminder + "/read"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), BodyHandlers.discarding()).statusCode();
    assertThat(status).isEqualTo(403);
    assertThat(notifications.unreadCount("siyonghao")).isEqualTo(1);
  }
}
