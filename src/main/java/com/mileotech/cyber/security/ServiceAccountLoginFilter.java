package com.mileotech.cyber.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A service account (group integrations) uses no webapp. Camunda lets every user log in to the
 * Welcome webapp, whatever their grants, and any webapp session opens the webapps' engine API
 * (/camunda/api/engine) under the user's grants. A service account's login to any webapp is
 * therefore answered as Camunda answers a user without access to that webapp: 403 when the
 * password is right, 401 when it is wrong (the failed attempt is counted once, as usual). Anyone
 * else's login goes on to Camunda untouched.
 */
class ServiceAccountLoginFilter extends OncePerRequestFilter {

  /** A login form is a user name and a password: anything longer is not one. */
  private static final int MAX_FORM_BYTES = 16 * 1024;

  private final IdentityService identityService;

  ServiceAccountLoginFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/login/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // read the form ourselves and hand the same bytes on: Camunda's login reads the body again
    byte[] form = request.getInputStream().readNBytes(MAX_FORM_BYTES);
    String username = field(form, "username");
    if (username != null && isServiceAccount(username)) {
      String password = field(form, "password");
      boolean valid = password != null && identityService.checkPassword(username, password);
      response.setStatus(valid ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    chain.doFilter(new ReplayedBody(request, form), response);
  }

  private boolean isServiceAccount(String userId) {
    return identityService.createUserQuery().userId(userId).memberOfGroup(Groups.INTEGRATIONS_ID).count() > 0;
  }

  private static String field(byte[] form, String name) {
    for (String pair : new String(form, StandardCharsets.ISO_8859_1).split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** The request with its body, already read here, readable again. */
  private static class ReplayedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    ReplayedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
