package com.mileotech.cyber.system;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * H2 keeps the statements it has parsed and planned, per connection, in a cache of 8 by default
 * (its {@code QUERY_CACHE_SIZE}). Camunda sends a few dozen different statements (opening a task
 * alone: 16 different ones), so on H2 almost every statement was parsed and planned again each
 * time: 18 % of the CPU the application spent opening a task (docs/bench.md, "Opening a task").
 * With room for {@value #STATEMENTS} per connection, each connection of the pool parses each of
 * Camunda's statements once. Added to whatever H2 URL the operator gives, unless it sets its own;
 * the setting is read when the database opens (the application is its only user).
 */
@Component
class H2QueryCache implements BeanPostProcessor {

  static final int STATEMENTS = 256;

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
      pool.setJdbcUrl(withQueryCache(pool.getJdbcUrl()));
    }
    return bean;
  }

  /** The URL with a larger query cache when it is an H2 URL that does not set one. */
  static String withQueryCache(String url) {
    if (!url.startsWith("jdbc:h2:") || url.toUpperCase(Locale.ROOT).contains("QUERY_CACHE_SIZE=")) {
      return url;
    }
    return url + ";QUERY_CACHE_SIZE=" + STATEMENTS;
  }
}
