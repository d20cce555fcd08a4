package com.mileotech.cyber;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * A person logged in to a webapp (Tasklist, Cockpit, Admin) as a browser is: a session cookie and
 * the CSRF token, calling the webapps' own copy of the engine API under /camunda/api/engine as the
 * pages do. For tests that must see what Tasklist sees, not what /engine-rest answers.
 */
public final class WebappSession {

  /** The webapps' engine API for the default engine: append "/task/{id}/submit-form" and the like. */
  public static final String ENGINE_API = "/camunda/api/engine/engine/default";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final int port;
  private final String csrfToken;
  private final int loginStatus;

  private WebappSession(HttpClient client, int port, String csrfToken, int loginStatus) {
    this.client = client;
    this.port = port;
    this.csrfToken = csrfToken;
    this.loginStatus = loginStatus;
  }

  /** Logs in to {@code app} ("tasklist", "cockpit", "admin", "welcome") as the login page does. */
  public static WebappSession login(int port, String app, String user, String password) {
    try {
      HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      client.send(HttpRequest.newBuilder(uri(port, "/camunda/app/" + app + "/default/")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
          + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri(port, "/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrfToken(client, port))
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      // the login starts a new session, which has a token of its own
      return new WebappSession(client, port, csrfToken(client, port), login.statusCode());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String csrfToken(HttpClient client, int port) throws IOException, InterruptedException {
    HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri(port, "/camunda/api/engine/engine/")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return page.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> ((CookieManager) client.cookieHandler().orElseThrow())
        .getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
        .map(HttpCookie::getValue).orElse(""));
  }

  public boolean loggedIn() {
    return loginStatus == 200;
  }

  /** What the login answered: 200, 401 (wrong password), 403 (no access to the webapp). */
  public int loginStatus() {
    return loginStatus;
  }

  public HttpResponse<String> get(String path) {
    return send("GET", path, null);
  }

  public HttpResponse<String> post(String path, Object body) {
    return send("POST", path, body);
  }

  /** A call as the pages make it: session cookie, CSRF token, JSON body. */
  public HttpResponse<String> send(String method, String path, Object body) {
    return send(method, path, body, "application/json");
  }

  /** The same accepting another media type (any, for a rendered form). */
  public HttpResponse<String> send(String method, String path, Object body, String accept) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).header("X-XSRF-TOKEN", csrfToken)
          .header("Accept", accept);
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
      }
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static URI uri(int port, String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
