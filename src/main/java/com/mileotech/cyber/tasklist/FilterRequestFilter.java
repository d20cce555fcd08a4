package com.mileotech.cyber.tasklist;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens {@link FilterRequests} around each request to a filter's list or count, in both copies of
 * the engine's REST API ({@code /engine-rest} and the webapps' {@code /camunda/api/engine}, which
 * Tasklist calls), and says whether it is Tasklist's page: the HAL list, asked of the webapps'
 * copy. Jersey serves a request on the thread that received it, so the engine commands of the
 * request see the scope.
 */
class FilterRequestFilter extends OncePerRequestFilter {

  /** {@code /filter/{id}/list} or {@code /count}, after the API's root (either copy, any engine name). */
  static final Pattern FILTER_REQUEST = Pattern.compile("^(/engine-rest|.*/api/engine/engine/[^/]+)/filter/[^/]+/(list|count)/?$");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    var matcher = FILTER_REQUEST.matcher(path);
    boolean get = "GET".equals(request.getMethod());
    if (!matcher.matches() || !(get || "POST".equals(request.getMethod()))) {
      chain.doFilter(request, response);
      return;
    }
    boolean webappCopy = !"/engine-rest".equals(matcher.group(1));
    FilterRequests.open(webappCopy && "list".equals(matcher.group(2)) && prefersHal(request.getHeader("Accept")));
    try {
      chain.doFilter(request, response);
    } finally {
      FilterRequests.close();
    }
  }

  /**
   * Whether the resource will answer HAL: Camunda's filter resource offers application/json and
   * application/hal+json and JAX-RS picks the one the Accept header prefers. True only when
   * {@code application/hal+json} is named and its quality is above that of every range that also
   * matches application/json (itself, {@code application/*}, {@code *}{@code /*}): then no reading
   * of the header can choose JSON. Anything else (ties, no header, a header not understood) is
   * answered as Camunda does, which is exact either way.
   */
  static boolean prefersHal(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    double hal = -1;
    double json = 0;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String type = parts[0].trim().toLowerCase(Locale.ROOT);
      double quality = 1;
      for (int i = 1; i < parts.length; i++) {
        String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
        if (parameter.startsWith("q=")) {
          try {
            quality = Double.parseDouble(parameter.substring(2).trim());
          } catch (NumberFormatException e) {
            return false;
          }
        }
      }
      if (type.equals("application/hal+json")) {
        hal = hal < 0 ? quality : Math.min(hal, quality);
      } else if (type.equals("application/json") || type.equals("application/*") || type.equals("*/*") || type.equals("*")) {
        json = Math.max(json, quality);
      }
    }
    return hal > 0 && hal > json;
  }

  @Configuration
  static class Registration {
    @Bean
    FilterRegistrationBean<FilterRequestFilter> filterRequestFilter(CamundaBpmProperties camunda) {
      FilterRegistrationBean<FilterRequestFilter> registration = new FilterRegistrationBean<>(new FilterRequestFilter());
      registration.addUrlPatterns("/engine-rest/*", camunda.getWebapp().getApplicationPath() + "/api/engine/*");
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
      return registration;
    }
  }
}
