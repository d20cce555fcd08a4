package com.mileotech.cyber.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLConnection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long a browser keeps each static file of the webapps (issue 20; docs/bench.md, "Web assets"):
 * <ul>
 *   <li>Camunda's own files requested with their version ({@code ?bust=7.24.0}, as every page of
 *   Tasklist, Cockpit and Admin asks for its scripts, styles, fonts and plugins) and the webjars
 *   under a versioned path ({@code /webjars/chartjs/4.4.3/...}): kept a year without asking
 *   again ({@value #IMMUTABLE}); a Camunda upgrade changes their URLs. A response that sets a
 *   cookie is {@code private} instead of {@code public}: no shared cache keeps someone's cookie.</li>
 *   <li>Our own files (overrides of the webapps' files such as Tasklist's config.js,
 *   mileo-tasklist.js, french-forms.js, the French locales and user styles, which Camunda
 *   requests with its own version in the URL; the dashboard): {@code no-cache} with an ETag of
 *   their content, so a deploy is seen at once and a repeat visit costs a 304 each.</li>
 *   <li>The pages (Tasklist's index page carries a nonce for each request) and Camunda's files
 *   asked for without a version: {@code no-cache}, revalidated with Last-Modified when they have
 *   one.</li>
 * </ul>
 * API answers are not touched: the security headers make them {@code no-store}. A response that is
 * not a success (404 for a versioned URL...) is never kept for a year. The cache header is the
 * one set here whatever Camunda's filters and servlets set after it.
 *
 * <p>Camunda's largest versioned files also exist in brotli, compressed at build time
 * (src/build/PrecompressCamundaAssets.java): a browser that accepts {@code br} gets that form
 * (deps.js 806 kB instead of 1,158 kB gzipped by Tomcat), the others Tomcat's gzip.
 */
final class WebAssetCacheFilter extends OncePerRequestFilter {

  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String IMMUTABLE_PRIVATE = "private, max-age=31536000, immutable";
  static final String REVALIDATE = "no-cache";

  private static final Pattern VERSIONED_QUERY = Pattern.compile("(^|&)bust=[^&]+");
  private static final Pattern VERSIONED_WEBJAR = Pattern.compile("/webjars/[^/]+/\\d[^/]*/.+");
  private static final Set<String> CACHE_HEADERS = Set.of("cache-control", "pragma", "expires");

  private final String applicationPath;
  /** Our own static files by request path, with the ETag of their content. */
  private final Map<String, String> ownFiles;
  /** Camunda's files in brotli by request path: where the .br file is on the class path. */
  private final Map<String, String> brotli;

  WebAssetCacheFilter(String applicationPath, Map<String, String> ownFiles, Map<String, String> brotli) {
    this.applicationPath = applicationPath;
    this.ownFiles = Map.copyOf(ownFiles);
    this.brotli = Map.copyOf(brotli);
  }

  /** What a response to this request is cached as, or null when this filter leaves it alone. */
  String policy(String path, String query) {
    if (path.contains("..")) {
      return null;
    }
    if (ownFile(path) != null) {
      return REVALIDATE;
    }
    boolean versioned = query != null && VERSIONED_QUERY.matcher(query).find() && isFile(path);
    if (path.startsWith(applicationPath + "/api/")) {
      return WebAssets.isWebappPluginAsset(path) ? (versioned ? IMMUTABLE : REVALIDATE) : null;
    }
    if (path.startsWith(applicationPath + "/")) {
      return versioned ? IMMUTABLE : REVALIDATE;
    }
    if (path.startsWith("/webjars/")) {
      return VERSIONED_WEBJAR.matcher(path).matches() ? IMMUTABLE : REVALIDATE;
    }
    return path.startsWith("/dashboard/") ? REVALIDATE : null;
  }

  /** The ETag of our own file served at {@code path} (a directory: its index.html), or null. */
  String ownFile(String path) {
    String etag = ownFiles.get(path);
    return etag != null || !path.endsWith("/") ? etag : ownFiles.get(path + "index.html");
  }

  /** A file with an extension, not a page: an HTML page is never kept, whatever its URL says. */
  private static boolean isFile(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.contains(".") && !name.endsWith(".html");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String method = request.getMethod();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String policy = "GET".equals(method) || "HEAD".equals(method) ? policy(path, request.getQueryString()) : null;
    if (policy == null) {
      chain.doFilter(request, response);
      return;
    }
    String compressed = IMMUTABLE.equals(policy) && request.getHeader("Range") == null ? brotli.get(path) : null;
    if (compressed != null && acceptsBrotli(request.getHeader("Accept-Encoding"))) {
      sendBrotli(request, response, compressed);
      return;
    }
    String etag = ownFile(path);
    CachePolicy cached = new CachePolicy(response, policy);
    if (etag != null) {
      response.setHeader("ETag", etag);
      if (matches(request.getHeader("If-None-Match"), etag)) {
        cached.apply(HttpServletResponse.SC_NOT_MODIFIED);
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return;
      }
      // the ETag decides: a file's date may stay the same across a deploy
      chain.doFilter(new WithoutConditions(request), cached);
    } else {
      chain.doFilter(request, cached);
    }
    if (!response.isCommitted()) {
      cached.apply(response.getStatus());
    }
  }

  /** Whether the browser takes brotli: "br" among its encodings, without q=0. */
  static boolean acceptsBrotli(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String coding : acceptEncoding.split(",")) {
      String[] parts = coding.trim().split(";");
      if (parts[0].trim().equalsIgnoreCase("br")) {
        for (int i = 1; i < parts.length; i++) {
          if (parts[i].trim().matches("q=0(\\.0*)?")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  /** Camunda's file in its brotli form, compressed at build time. */
  private void sendBrotli(HttpServletRequest request, HttpServletResponse response, String compressed) throws IOException {
    URL file = WebAssetCacheFilter.class.getClassLoader().getResource(compressed);
    if (file == null) {
      throw new IllegalStateException(compressed + " is no longer on the class path");
    }
    URLConnection connection = file.openConnection();
    String path = request.getRequestURI();
    String type = request.getServletContext().getMimeType(path.substring(path.lastIndexOf('/') + 1));
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(type == null ? "application/octet-stream" : type);
    response.setHeader("Content-Encoding", "br");
    response.addHeader("Vary", "Accept-Encoding");
    response.setHeader("Cache-Control", IMMUTABLE);
    response.setContentLengthLong(connection.getContentLengthLong());
    try (InputStream in = connection.getInputStream()) {
      if (!"HEAD".equals(request.getMethod())) {
        in.transferTo(response.getOutputStream());
      }
    }
  }

  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCacheHeader(String name) {
    return CACHE_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** Sets the cache header once, before the response is committed; ignores the ones set downstream. */
  private static final class CachePolicy extends HttpServletResponseWrapper {
    private final String policy;
    private boolean applied;

    CachePolicy(HttpServletResponse response, String policy) {
      super(response);
      this.policy = policy;
    }

    void apply(int status) {
      if (applied) {
        return;
      }
      applied = true;
      String value = policy;
      if (!IMMUTABLE.equals(policy)) {
        value = REVALIDATE;
      } else if (!(status == SC_OK || status == SC_NOT_MODIFIED || status == SC_PARTIAL_CONTENT)) {
        value = REVALIDATE;
      } else if (!getHeaders("Set-Cookie").isEmpty()) {
        value = IMMUTABLE_PRIVATE;
      }
      super.setHeader("Cache-Control", value);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      apply(getStatus());
      return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      apply(getStatus());
      return super.getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
      apply(getStatus());
      super.flushBuffer();
    }

    @Override
    public void sendError(int sc) throws IOException {
      apply(sc);
      super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      apply(sc);
      super.sendError(sc, msg);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      apply(SC_FOUND);
      super.sendRedirect(location);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!isCacheHeader(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!isCacheHeader(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setDateHeader(String name, long date) {
      if (!isCacheHeader(name)) {
        super.setDateHeader(name, date);
      }
    }

    @Override
    public void addDateHeader(String name, long date) {
      if (!isCacheHeader(name)) {
        super.addDateHeader(name, date);
      }
    }
  }

  /** The request without its conditions on a date or a tag, which the ETag above has answered. */
  private static final class WithoutConditions extends HttpServletRequestWrapper {
    private static final Set<String> HIDDEN = Set.of("if-modified-since", "if-none-match");

    WithoutConditions(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getHeader(String name) {
      return HIDDEN.contains(name.toLowerCase(java.util.Locale.ROOT)) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return HIDDEN.contains(name.toLowerCase(java.util.Locale.ROOT)) ? Collections.emptyEnumeration()
          : super.getHeaders(name);
    }

    @Override
    public long getDateHeader(String name) {
      return HIDDEN.contains(name.toLowerCase(java.util.Locale.ROOT)) ? -1 : super.getDateHeader(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
          .filter(name -> !HIDDEN.contains(name.toLowerCase(java.util.Locale.ROOT))).toList());
    }
  }
}
