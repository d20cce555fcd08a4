package com.mileotech.cyber.evidence;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The evidence page, for a technician working in Tasklist: static files under
 * resources/static/evidence/, served at /evidence/ to people logged in to the webapps (others are
 * sent to the Tasklist login). The page lists an incident's items and uploads or declares new ones
 * through /api, with the session and the session's CSRF token (see ApiAuthenticationFilter).
 */
@Configuration
class EvidencePage implements WebMvcConfigurer {

  static final String TASKLIST = "/camunda/app/tasklist/default/";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/evidence", "/evidence/");
    registry.addViewController("/evidence/").setViewName("forward:/evidence/index.html");
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> evidencePageFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new LoggedInOnly());
    registration.addUrlPatterns("/evidence/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  static UserAuthentication session(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications == null ? null : (UserAuthentication) authentications.getAuthenticationForProcessEngine("default");
  }

  /** Without a Tasklist session, to the Tasklist login, then back to this page. */
  static class LoggedInOnly extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (session(request) == null) {
        response.setHeader("Cache-Control", "no-store");
        String page = request.getRequestURI().substring(request.getContextPath().length())
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        response.sendRedirect(request.getContextPath() + TASKLIST + "?mileoReturnTo="
            + URLEncoder.encode(page, StandardCharsets.UTF_8) + "#/login");
        return;
      }
      chain.doFilter(request, response);
    }
  }

  /** Who is logged in, and the session's CSRF token the page sends with its writes. */
  @RestController
  static class Session {
    private final EvidenceProperties properties;

    Session(EvidenceProperties properties) {
      this.properties = properties;
    }

    @GetMapping("/evidence/session")
    ResponseEntity<Map<String, String>> session(HttpServletRequest request) {
      UserAuthentication user = EvidencePage.session(request);
      Object token = request.getSession().getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
      return ResponseEntity.ok().cacheControl(CacheControl.noStore())
          .body(Map.of("user", user.getName(), "csrfToken", token == null ? "" : token.toString(),
              "maxUploadSize", Evidence.humanSize(properties.maxUploadSize().toBytes())));
    }
  }
}
