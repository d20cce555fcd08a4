package com.mileotech.cyber.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * /actuator/health stays open (load balancers, monitoring) and shows its status to anyone; an
 * administrator, by HTTP Basic or logged in to the webapps, is shown the components and their
 * details too (management.endpoint.health.roles). Wrong credentials are not refused here (the
 * status is public), but they count as a failed login like anywhere else.
 */
public class HealthDetailsFilter extends OncePerRequestFilter {

  /** The role management.endpoint.health.roles names. */
  static final String ROLE = "MILEO_ADMINISTRATOR";

  private final IdentityService identityService;

  public HealthDetailsFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String administrator = administrator(request);
    if (administrator == null) {
      chain.doFilter(request, response);
      return;
    }
    request.setAttribute(AccessLogFilter.REQUEST_USER_ATTRIBUTE, administrator);
    chain.doFilter(new HttpServletRequestWrapper(request) {
      @Override
      public Principal getUserPrincipal() {
        return () -> administrator;
      }

      @Override
      public String getRemoteUser() {
        return administrator;
      }

      @Override
      public boolean isUserInRole(String role) {
        return ROLE.equals(role);
      }
    }, response);
  }

  private String administrator(HttpServletRequest request) {
    String[] credentials = ApiAuthenticationFilter.basicCredentials(request);
    if (credentials != null) {
      boolean admin = identityService.checkPassword(credentials[0], credentials[1])
          && identityService.createGroupQuery().groupMember(credentials[0]).groupId(Groups.ADMINISTRATORS_ID).count() > 0;
      return admin ? credentials[0] : null;
    }
    UserAuthentication session = ApiAuthenticationFilter.webappSession(request);
    return session != null && session.getGroupIds() != null && session.getGroupIds().contains(Groups.ADMINISTRATORS_ID)
        ? session.getName() : null;
  }
}
