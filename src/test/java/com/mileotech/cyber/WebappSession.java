package com.mileotech.cyber;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with the webapps, without the browser: the login form of Tasklist, Cockpit
 * or Admin, then calls to the webapps' API (/camunda/api/...) with the session cookie and the CSRF
 * token, as the pages make them.
 */
public final class WebappSession {

  private final HttpClient client;
  private final int port;
  private final String app;
  private final String token;
  private final int loginStatus;

  private WebappSession(HttpClient client, int port, String app, String token, int loginStatus) {
    this.client = client;
    this.port = port;
    this.app = app;
    this.token = token;
    this.loginStatus = loginStatus;
  }

  /** Logs in to {@code app} (tasklist, cockpit, admin); see {@link #loginStatus()} for the answer. */
  public static WebappSession login(int port, String app, String user, String password) {
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    try {
      client.send(HttpRequest.newBuilder(uri(port, "/camunda/app/" + app + "/default/")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri(port, "/camunda/api/engine/engine/")).GET()
          .build(), HttpResponse.BodyHandlers.ofString());
      String token = page.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore().getCookies()
          .stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().map(HttpCookie::getValue).orElse(""));
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
          + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri(port, "/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      // the login starts a new session: its CSRF token comes with the next page's first call, as in the browser
      HttpResponse<String> next = client.send(HttpRequest.newBuilder(uri(port, "/camunda/api/engine/engine/")).GET()
          .build(), HttpResponse.BodyHandlers.ofString());
      String sessionToken = next.headers().firstValue("X-XSRF-TOKEN").orElse(token);
      return new WebappSession(client, port, app, sessionToken, login.statusCode());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** 200 when the login succeeded. */
  public int loginStatus() {
    return loginStatus;
  }

  /** A call of the webapps' pages, e.g. POST /camunda/api/engine/engine/default/task/{id}/complete with JSON. */
  public HttpResponse<String> send(String method, String path, String json) {
    // the CSRF filter wants the token and a same-origin Referer, as the pages send them
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).header("X-XSRF-TOKEN", token)
        .header("Referer", uri(port, "/camunda/app/" + app + "/default/").toString())
        .header("Accept", "application/json");
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
