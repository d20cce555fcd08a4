package com.mileotech.cyber.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks the engine commands that a person (or a service account) issues directly through the
 * engine's REST API — /engine-rest, and the webapps' /camunda/api that Tasklist, Cockpit and Admin
 * call — as opposed to our own code (delegates, jobs, our /api controllers), which the
 * {@link SubmissionGuard} trusts. Jersey serves a request on the thread that received it.
 */
class EngineApiCalls extends OncePerRequestFilter {

  private static final ThreadLocal<Boolean> CURRENT = new ThreadLocal<>();

  /** Whether the current thread serves a call to the engine's REST API. */
  static boolean inProgress() {
    return Boolean.TRUE.equals(CURRENT.get());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CURRENT.set(Boolean.TRUE);
    try {
      chain.doFilter(request, response);
    } finally {
      CURRENT.remove();
    }
  }
}
