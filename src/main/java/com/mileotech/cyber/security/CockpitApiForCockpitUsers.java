package com.mileotech.cyber.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cockpit's own API (/camunda/api/cockpit: its plugins' lists of instances, failures, statistics)
 * checks the engine login, not Cockpit: any webapp session opened it, a client's RSSI's Tasklist
 * session included (their own client's failures, with messages, activities and executions, which
 * the engine's API refuses them). Here it answers only a session authorized for Cockpit, as its
 * pages are; anyone else gets 403.
 */
class CockpitApiForCockpitUsers extends OncePerRequestFilter {

  static final String REFUSED = "{\"type\":\"Forbidden\",\"message\":\"Accès refusé : l'API de Cockpit est réservée "
      + "aux utilisateurs de Cockpit\"}";

  /** The path as the container mapped it: decoded, without "..", nor ";" parameters (not the raw URI). */
  private static String normalized(HttpServletRequest request) {
    return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }

  /** A plugin's static assets: /camunda/api/cockpit/plugin/{plugin}/static/... */
  static final java.util.regex.Pattern STATIC = java.util.regex.Pattern.compile(".*/api/cockpit/plugin/[^/]+/static/.*");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // the plugins' scripts and styles, which Cockpit loads before its login form: no data
    if (("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
        && STATIC.matcher(normalized(request)).matches()) {
      chain.doFilter(request, response);
      return;
    }
    UserAuthentication session = ApiAuthenticationFilter.webappSession(request);
    if (session != null && session.isAuthorizedForApp("cockpit")) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(REFUSED);
  }
}
