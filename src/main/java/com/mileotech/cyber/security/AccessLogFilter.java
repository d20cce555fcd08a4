package com.mileotech.cyber.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every call to an API (ours, the engine's REST API and the webapps' own API) leaves an
 * {@code http.access} event in the audit trail: who, what, from where, with which outcome.
 * Registered first, so it also sees the calls refused by authentication.
 */
public class AccessLogFilter extends OncePerRequestFilter {

  public static final String MDC_REMOTE_ADDRESS = "remoteAddress";
  /** Set by whichever authentication filter identified the caller, read after the chain. */
  public static final String REQUEST_USER_ATTRIBUTE = AccessLogFilter.class.getName() + ".user";

  private final IdentityService identityService;

  public AccessLogFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    MDC.put(MDC_REMOTE_ADDRESS, request.getRemoteAddr());
    try {
      chain.doFilter(request, response);
    } finally {
      if (isAudited(request.getRequestURI())) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", request.getMethod());
        fields.put("path", request.getRequestURI());
        fields.put("status", response.getStatus());
        fields.put("user", caller(request));
        AuditTrail.event("http.access", fields);
      }
      MDC.remove(MDC_REMOTE_ADDRESS);
    }
  }

  private String caller(HttpServletRequest request) {
    Object user = request.getAttribute(REQUEST_USER_ATTRIBUTE);
    if (user != null) {
      return user.toString();
    }
    Authentication current = identityService.getCurrentAuthentication();
    if (current != null) {
      return current.getUserId();
    }
    var session = request.getSession(false);
    if (session != null) {
      var webapp = AuthenticationUtil.getAuthsFromSession(session);
      if (webapp != null && !webapp.getAuthentications().isEmpty()) {
        return webapp.getAuthentications().get(0).getName();
      }
    }
    return null;
  }

  private static boolean isAudited(String uri) {
    return uri.startsWith("/api/") || uri.equals("/api")
        || uri.startsWith("/engine-rest/")
        || uri.startsWith("/camunda/api/");
  }
}
