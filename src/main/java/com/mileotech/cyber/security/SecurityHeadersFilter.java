package com.mileotech.cyber.security;

import com.mileotech.cyber.system.WebAssets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every page and API answer: no MIME sniffing, no framing by another site,
 * no referrer sent to other sites, and a content security policy allowing only the application's
 * own scripts, styles and images (the dashboard page has no inline script or style). The webapps
 * under /camunda/ keep the policy Camunda writes for them (its scripts carry a per-page nonce).
 * API answers (ours, the engine's, the webapps', actuator) are never stored by a browser or a
 * proxy: {@code Cache-Control: no-store}, which nothing downstream can loosen. The one exception
 * under an API path is the webapps' plugin files (scripts and styles, the same for everyone,
 * system/WebAssets), cached like their other scripts.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
      + "form-action 'self'; frame-ancestors 'none'";
  private static final String CACHE_CONTROL = "Cache-Control";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    if (!path.startsWith("/camunda/")) {
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
    if (isApi(path) && !WebAssets.isWebappPluginAsset(path)) {
      response.setHeader(CACHE_CONTROL, "no-store");
      chain.doFilter(request, new NoStore(response));
    } else {
      chain.doFilter(request, response);
    }
  }

  static boolean isApi(String path) {
    return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest/")
        || path.startsWith("/camunda/api/") || path.startsWith("/actuator");
  }

  /** Keeps {@code no-store}: the engine's REST API would set {@code no-cache}. */
  private static final class NoStore extends HttpServletResponseWrapper {
    NoStore(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!CACHE_CONTROL.equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!CACHE_CONTROL.equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }
  }
}
