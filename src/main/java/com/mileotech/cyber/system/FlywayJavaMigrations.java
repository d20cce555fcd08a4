package com.mileotech.cyber.system;

import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Flyway runs the SQL migrations of db/migration and these Java ones (about Camunda's tables). */
@Configuration(proxyBeanMethods = false)
class FlywayJavaMigrations {

  @Bean
  FlywayConfigurationCustomizer javaMigrations() {
    return configuration -> configuration.javaMigrations(new V70__JobAcquisitionIndex(), new V92__TaskListIndex(),
        new V122__CandidateLinkIndex());
  }
}
