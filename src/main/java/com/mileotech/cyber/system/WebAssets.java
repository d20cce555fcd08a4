package com.mileotech.cyber.system;

import java.util.regex.Pattern;

/**
 * Which requests fetch a static file of the webapps rather than data, for the cache rules of
 * {@link WebAssetCacheFilter} and the security headers (security/SecurityHeadersFilter): the
 * plugin files Tasklist and Cockpit load through their API path are code, the same for everyone,
 * and may be cached like the webapps' other scripts; every other answer under an API path may
 * carry personal or incident data and is never stored.
 */
@Published
public final class WebAssets {

  /** Camunda's plugin files: /camunda/api/{tasklist|cockpit|admin|welcome}/plugin/{id}/static/{file}. */
  private static final Pattern PLUGIN_ASSET = Pattern.compile("/camunda/api/[a-z]+/plugin/[A-Za-z0-9._-]+/static/[^?#]+");

  private WebAssets() {}

  /** Whether {@code path} (from the context root, no query) is a static file of a webapp plugin. */
  public static boolean isWebappPluginAsset(String path) {
    return PLUGIN_ASSET.matcher(path).matches() && !path.contains("..");
  }
}
