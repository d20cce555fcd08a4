package com.mileotech.cyber.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Who may reach what over HTTP. The webapps (Tasklist, Cockpit, Admin) authenticate with their
 * own login; /engine-rest and /api require HTTP Basic against the Camunda identity service
 * (the webapp session is also accepted by /api, read-only); service accounts log in to no webapp.
 * Only /actuator/health is open (its details for administrators). Every answer carries the
 * security headers.
 */
@Configuration
class WebSecurityConfiguration {

  @Bean
  FilterRegistrationBean<AccessLogFilter> accessLogFilter(IdentityService identityService) {
    FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(new AccessLogFilter(identityService));
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
    FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<HealthDetailsFilter> healthDetailsFilter(IdentityService identityService) {
    FilterRegistrationBean<HealthDetailsFilter> registration = new FilterRegistrationBean<>(new HealthDetailsFilter(identityService));
    registration.addUrlPatterns("/actuator/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Without such a filter the engine's REST API answers anonymous callers. */
  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> engineRestAuthenticationFilter(IdentityService identityService,
      LoginThrottle throttle) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, throttle, false));
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Marks what the SubmissionGuard checks: calls to either copy of the engine's REST API. */
  @Bean
  FilterRegistrationBean<EngineApiCalls> engineApiCalls(CamundaBpmProperties camunda) {
    FilterRegistrationBean<EngineApiCalls> registration = new FilterRegistrationBean<>(new EngineApiCalls());
    registration.addUrlPatterns("/engine-rest/*", camunda.getWebapp().getApplicationPath() + "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  /**
   * Spring's error page is for the container's error dispatch only: asked for directly (by anyone,
   * logged in or not) it answered 500 with an empty error. Now 404, like any page that is not there.
   */
  @Bean
  FilterRegistrationBean<jakarta.servlet.Filter> directErrorPage() {
    FilterRegistrationBean<jakarta.servlet.Filter> registration = new FilterRegistrationBean<>(
        (request, response, chain) -> ((jakarta.servlet.http.HttpServletResponse) response).sendError(404));
    registration.addUrlPatterns("/error", "/error/*");
    registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Cockpit's plugin API for sessions authorized for Cockpit only (not a Tasklist session of a client's RSSI). */
  @Bean
  FilterRegistrationBean<CockpitApiForCockpitUsers> cockpitApiForCockpitUsers(CamundaBpmProperties camunda) {
    FilterRegistrationBean<CockpitApiForCockpitUsers> registration = new FilterRegistrationBean<>(
        new CockpitApiForCockpitUsers());
    registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/cockpit/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** Camunda lets every user log in to the Welcome webapp: not a service account. */
  @Bean
  FilterRegistrationBean<ServiceAccountLoginFilter> serviceAccountLoginFilter(IdentityService identityService) {
    FilterRegistrationBean<ServiceAccountLoginFilter> registration =
        new FilterRegistrationBean<>(new ServiceAccountLoginFilter(identityService));
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(IdentityService identityService,
      LoginThrottle throttle) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, throttle, true));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
