package com.mileotech.cyber.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
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

  @Bean
  FilterRegistrationBean<WebAssetCacheFilter> webAssetCacheFilter(CamundaBpmProperties camunda) throws IOException {
    String applicationPath = camunda.getWebapp().getApplicationPath();
    String webjar = camunda.getWebapp().getWebjarClasspath().replaceFirst("^/", "").replaceFirst("/$", "");
    FilterRegistrationBean<WebAssetCacheFilter> registration =
        new FilterRegistrationBean<>(new WebAssetCacheFilter(applicationPath, ownFiles(applicationPath, webjar)));
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

  /** A weak ETag (Tomcat compresses only answers without a strong one) from the file's content. */
  private static String etag(URL file) {
    try (InputStream in = file.openStream()) {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
      return "W/\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
