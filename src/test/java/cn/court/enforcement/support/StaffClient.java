package cn.court.enforcement.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A member of staff talking HTTP to the running application: either to the REST API with
 * HTTP Basic, or to the webapps' own API after logging in like the browser does.
 */
public final class StaffClient {

  private final String base;
  private final HttpClient http;
  private final CookieManager cookies = new CookieManager();
  private String basicAuth;

  private StaffClient(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** REST API client; {@code user == null} sends no credentials. */
  public static StaffClient rest(int port, String user, String password) {
    StaffClient client = new StaffClient(port);
    if (user != null) {
      client.basicAuth = "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
    return client;
  }

  /** Logs into a webapp (tasklist, cockpit, admin); the login's HTTP status is in {@link #loginStatus}. */
  public static StaffClient webapp(int port, String app, String user, String password) {
    StaffClient client = new StaffClient(port);
    client.get("/camunda/app/" + app + "/");
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    client.loginStatus = client.send(client.request("/camunda/api/admin/auth/user/default/login/" + app)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString(form))).statusCode();
    // Login starts a new session; its CSRF token comes with the next page, as in a browser.
    client.get("/camunda/app/" + app + "/");
    return client;
  }

  public int loginStatus;

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  public HttpResponse<String> post(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
    if (basicAuth != null) {
      b.header("Authorization", basicAuth);
    }
    cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().ifPresent(token -> b.header("X-XSRF-TOKEN", token));
    return b;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
