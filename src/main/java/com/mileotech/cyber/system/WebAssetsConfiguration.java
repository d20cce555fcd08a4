package com.mileotech.cyber.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Cache lifetimes of the webapps' static files ({@link WebAssetCacheFilter}); their compression is
 * Tomcat's ({@code server.compression} in application.yaml). Our own files are found once at
 * start-up: every file under Camunda's webjar path that comes from elsewhere than Camunda's webjar
 * (our overrides in src/main/resources/META-INF/resources/webjars/camunda), and the files of
 * src/main/resources/static (the dashboard); each gets the ETag of its content.
 */
@Configuration
class WebAssetsConfiguration {

  /** After the security filters and the dashboard's login check: a 304 answered here skips nothing they do. */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 30;
  /** Where the build writes the brotli forms of Camunda's files, and their manifest. */
  static final String PRECOMPRESSED = "META-INF/mileo-precompressed/";

  @Bean
  FilterRegistrationBean<WebAssetCacheFilter> webAssetCacheFilter(CamundaBpmProperties camunda) throws IOException {
    String applicationPath = camunda.getWebapp().getApplicationPath();
    String webjar = camunda.getWebapp().getWebjarClasspath().replaceFirst("^/", "").replaceFirst("/$", "");
    FilterRegistrationBean<WebAssetCacheFilter> registration = new FilterRegistrationBean<>(new WebAssetCacheFilter(
        applicationPath, ownFiles(applicationPath, webjar), brotliFiles(applicationPath, webjar)));
    registration.addUrlPatterns("/*");
    registration.setOrder(ORDER);
    return registration;
  }

  /** Request path → ETag of each of our own static files. */
  static Map<String, String> ownFiles(String applicationPath, String webjar) throws IOException {
    ClassLoader classLoader = WebAssetsConfiguration.class.getClassLoader();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
    Map<String, String> files = new TreeMap<>();
    // Camunda's webjar: where its scripts are; every other root holding files under that path is ours
    URL camundaScripts = classLoader.getResource(webjar + "/lib/deps.js");
    String camundaRoot = camundaScripts == null ? "\0" : camundaScripts.toString().replace("lib/deps.js", "");
    for (Resource resource : resolver.getResources("classpath*:" + webjar + "/**/*.*")) {
      String url = resource.getURL().toString();
      int at = url.indexOf(webjar + "/");
      if (!resource.isReadable() || url.startsWith(camundaRoot) || at < 0) {
        continue;
      }
      String relative = url.substring(at + webjar.length() + 1);
      // the file served for that path is the first on the classpath: ours
      files.put(applicationPath + "/" + relative, etag(classLoader.getResource(webjar + "/" + relative)));
    }
    for (Resource resource : resolver.getResources("classpath:static/**/*.*")) {
      String url = resource.getURL().toString();
      int at = url.lastIndexOf("/static/");
      if (resource.isReadable() && at >= 0) {
        files.put(url.substring(at + "/static".length()), etag(resource.getURL()));
      }
    }
    return files;
  }

  /**
   * Request path → class path of the brotli form of each of Camunda's files compressed at build
   * time (src/build/PrecompressCamundaAssets.java), when it is the brotli form of the very file
   * served at that path (same SHA-256): never a stale one after an upgrade or an override of ours.
   */
  static Map<String, String> brotliFiles(String applicationPath, String webjar) throws IOException {
    ClassLoader classLoader = WebAssetsConfiguration.class.getClassLoader();
    Map<String, String> files = new TreeMap<>();
    URL manifestFile = classLoader.getResource(PRECOMPRESSED + "manifest.properties");
    if (manifestFile == null) {
      return files; // a build without the step: Tomcat's gzip only
    }
    Properties manifest = new Properties();
    try (InputStream in = manifestFile.openStream()) {
      manifest.load(in);
    }
    for (String relative : manifest.stringPropertyNames()) {
      URL served = classLoader.getResource(webjar + "/" + relative);
      String compressed = PRECOMPRESSED + relative + ".br";
      if (served != null && classLoader.getResource(compressed) != null
          && manifest.getProperty(relative).equals(sha256(served))) {
        files.put(applicationPath + "/" + relative, compressed);
      }
    }
    return files;
  }

  private static String sha256(URL file) {
    try (InputStream in = file.openStream()) {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A weak ETag (Tomcat compresses only answers without a strong one) from the file's content. */
  private static String etag(URL file) {
    return "W/\"" + sha256(file).substring(0, 24) + "\"";
  }

}
