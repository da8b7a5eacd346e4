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
    return new StaffClient(port).logIn(app, user, password);
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
    if (forwardedFor != null) {
      b.header("X-Forwarded-For", forwardedFor);
    }
    if (requestedWith != null) {
      b.header("X-Requested-With", requestedWith);
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

  private String forwardedFor;
  private String requestedWith;
  /** The body of the webapp login's answer. */
  public String loginBody;

  /** From now on, requests as a reverse proxy on this host forwards them for {@code address}. */
  public StaffClient from(String address) {
    forwardedFor = address;
    return this;
  }

  /** From now on, requests as a page's own script sends them ({@code X-Requested-With}). */
  public StaffClient fromPage() {
    requestedWith = "XMLHttpRequest";
    return this;
  }

  /** Like {@link #webapp}, for a browser at {@code address} behind the reverse proxy. */
  public static StaffClient webappFrom(String address, int port, String app, String user, String password) {
    return new StaffClient(port).from(address).logIn(app, user, password);
  }

  private StaffClient logIn(String app, String user, String password) {
    get("/camunda/app/" + app + "/");
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> login = send(request("/camunda/api/admin/auth/user/default/login/" + app)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString(form)));
    loginStatus = login.statusCode();
    loginBody = login.body();
    // Login starts a new session; its CSRF token comes with the next page, as in a browser.
    get("/camunda/app/" + app + "/");
    return this;
  }

  public HttpResponse<String> put(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> delete(String path) {
    return send(request(path).DELETE());
  }
}
