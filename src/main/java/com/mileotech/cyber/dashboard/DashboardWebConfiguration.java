package com.mileotech.cyber.dashboard;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard page: static files under resources/static/dashboard/, served at /dashboard/ to
 * people logged in to the webapps ({@link DashboardPageFilter}).
 */
@Configuration
class DashboardWebConfiguration implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/dashboard", "/dashboard/");
    registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
  }

  @Bean
  FilterRegistrationBean<DashboardPageFilter> dashboardPageFilter() {
    FilterRegistrationBean<DashboardPageFilter> registration = new FilterRegistrationBean<>(new DashboardPageFilter());
    registration.addUrlPatterns("/dashboard/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
