package com.mileotech.cyber.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every call to /engine-rest and /api against the Camunda identity service with
 * HTTP Basic, and makes the caller the engine's current authentication for the request, so the
 * engine's authorization and tenant checks apply. Unlike the engine's own filter, nothing is
 * exempt (not even the list of engines). Where enabled (/api), a Tasklist/Cockpit session is
 * accepted for reads, so pages of the application can call it; writes need Basic credentials,
 * which a cross-site request cannot forge, except the evidence page's uploads, declarations,
 * transfers and verifications, which carry the session's CSRF token instead.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private static final String ENGINE_NAME = "default";

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  private final boolean acceptWebappSessionForReads;

  public ApiAuthenticationFilter(IdentityService identityService, LoginThrottle throttle,
      boolean acceptWebappSessionForReads) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.acceptWebappSessionForReads = acceptWebappSessionForReads;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String[] credentials = basicCredentials(request);
    String userId = credentials != null && identityService.checkPassword(credentials[0], credentials[1])
        ? credentials[0] : null;
    if (userId == null && credentials != null) {
      Optional<Duration> wait = throttle.lockedFor(credentials[0], AuditedIdentityProvider.source());
      if (wait.isPresent()) {
        tooManyFailures(response, wait.get());
        return;
      }
    }
    List<String> groups;
    List<String> tenants;
    if (userId != null) {
      groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
      tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
          .stream().map(Tenant::getId).toList();
    } else {
      UserAuthentication session = acceptWebappSessionForReads && (isRead(request) || isPageWrite(request))
          ? webappSession(request) : null;
      if (session == null) {
        unauthorized(response);
        return;
      }
      userId = session.getName();
      groups = List.copyOf(session.getGroupIds());
      tenants = List.copyOf(session.getTenantIds());
    }
    request.setAttribute(AccessLogFilter.REQUEST_USER_ATTRIBUTE, userId);
    identityService.setAuthentication(userId, groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The user id and password of the Basic credentials, or null when there are none. */
  static String[] basicCredentials(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  static UserAuthentication webappSession(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications == null ? null
        : (UserAuthentication) authentications.getAuthenticationForProcessEngine(ENGINE_NAME);
  }

  /** The evidence page's writes: these paths only, with the session's CSRF token (as Camunda's webapps send it). */
  private static final java.util.regex.Pattern PAGE_WRITES = java.util.regex.Pattern.compile(
      "/api/security-incidents/[^/]+/evidence(/[0-9]+/(transfers|verifications))?");

  static boolean isPageWrite(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())) {
      return false;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!PAGE_WRITES.matcher(path).matches()) {
      return false;
    }
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(CSRF_TOKEN_SESSION_ATTRIBUTE);
    String sent = request.getHeader(CSRF_TOKEN_HEADER);
    return expected instanceof String token && sent != null
        && java.security.MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  /** Camunda's webapp CSRF token: kept in the session, sent back by the page in this header. */
  public static final String CSRF_TOKEN_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  public static final String CSRF_TOKEN_HEADER = "X-XSRF-TOKEN";

  private static boolean isRead(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }

  /** 429: this account failed too often from this address; the wait ends by itself. */
  private static void tooManyFailures(HttpServletResponse response, Duration wait) throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setStatus(429);
    response.setHeader("Retry-After", String.valueOf(seconds));
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"status\":429,\"message\":\"Trop d'échecs de connexion pour ce compte depuis cette "
        + "adresse : réessayez dans " + seconds + " s\"}");
  }

  private static void unauthorized(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Basic realm=\"mileo\", charset=\"UTF-8\"");
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"status\":401,\"message\":\"Authentification requise\"}");
  }
}
