package com.mileotech.cyber;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * What a browser holds after logging in to one of Camunda's webapps (Tasklist, Cockpit, Admin,
 * Welcome): the session cookie and the CSRF token, with which it calls the webapps' own API
 * (/camunda/api/...) as the pages do.
 */
public final class WebappSession {

  private final HttpClient browser;
  private final CookieManager cookies = new CookieManager();
  private final int port;
  private final int loginStatus;
  private String token;

  private WebappSession(int port, String user, String password, String app) throws IOException, InterruptedException {
    this.port = port;
    this.browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    fetchToken();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    this.loginStatus = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    if (loggedIn()) {
      fetchToken(); // the login renews the session, and with it the CSRF token
    }
  }

  private void fetchToken() throws IOException, InterruptedException {
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/"))
        .header("X-XSRF-TOKEN", "Fetch").GET().build(), HttpResponse.BodyHandlers.ofString());
    token = page.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().map(HttpCookie::getValue).orElse(""));
  }

  /** Logs in to {@code app} ("tasklist", "cockpit", "admin", "welcome") as the login page does. */
  public static WebappSession login(int port, String user, String password, String app)
      throws IOException, InterruptedException {
    return new WebappSession(port, user, password, app);
  }

  public boolean loggedIn() {
    return loginStatus == 200;
  }

  public int loginStatus() {
    return loginStatus;
  }

  /** A call to the webapps' API (path from the server root, e.g. /camunda/api/engine/engine/default/task). */
  public HttpResponse<String> send(String method, String path, String jsonBody) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("X-XSRF-TOKEN", token)
        .header("Accept", "*/*");
    if (jsonBody == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
