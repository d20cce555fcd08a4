package com.mileotech.cyber.system;

import com.zaxxer.hikari.HikariDataSource;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's DataSource (H2 or PostgreSQL) is used by everyone, Camunda included, through
 * {@link UtcTimestamps}: zone-less timestamps are UTC in the database whatever the JVM's default
 * zone, so no {@code -Duser.timezone} is needed. On H2 each connection's session zone is UTC too
 * (H2 converts with it, not only with the JVM's): nothing inside H2 follows the JVM's zone then,
 * e.g. a {@code java.sql.Timestamp} bound to a {@code TIMESTAMP WITH TIME ZONE} column.
 */
@Configuration(proxyBeanMethods = false)
class UtcDatabase {

  private static final Logger LOG = LoggerFactory.getLogger(UtcDatabase.class);

  @Bean
  static BeanPostProcessor utcTimestamps() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:h2:")
            && pool.getConnectionInitSql() == null) {
          pool.setConnectionInitSql("SET TIME ZONE 'UTC'");
        }
        return bean;
      }

      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof UtcTimestamps)) {
          LOG.info("DataSource '{}': timestamps without time zone (Camunda's tables) are written and read in UTC;"
              + " the JVM's default time zone ({}) plays no part", beanName, TimeZone.getDefault().getID());
          return new UtcTimestamps(dataSource);
        }
        return bean;
      }
    };
  }
}
