package com.mileotech.cyber.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The dashboard page is for people logged in to the webapps: without a Tasklist/Cockpit session
 * the visitor is sent to the Tasklist login. The page itself holds no figure (they come from
 * /api/dashboard, which checks who asks); this keeps its address from answering anonymously.
 */
class DashboardPageFilter extends OncePerRequestFilter {

  static final String LOGIN = "/camunda/app/tasklist/default/#/login";
  static final String TASKLIST = "/camunda/app/tasklist/default/";
  static final String RETURN_TO = "mileoReturnTo";
  private static final String ENGINE = "default";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!loggedIn(request)) {
      response.setHeader("Cache-Control", "no-store");
      // back to this page after the login (Tasklist's mileo-tasklist.js follows mileoReturnTo)
      String page = request.getRequestURI().substring(request.getContextPath().length())
          + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
      response.sendRedirect(request.getContextPath() + TASKLIST + "?" + RETURN_TO + "="
          + java.net.URLEncoder.encode(page, java.nio.charset.StandardCharsets.UTF_8) + "#/login");
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean loggedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return false;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications != null && authentications.getAuthenticationForProcessEngine(ENGINE) != null;
  }
}
