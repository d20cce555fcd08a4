package com.mileotech.cyber.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine's REST API as the starter configures it, plus one correction: a password refused by
 * the policy is the caller's error (400), not a server error (the engine throws a plain
 * ProcessEngineException, which the REST layer reports as 500).
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  static final String PASSWORD_POLICY_MESSAGE = "Password does not match policy";

  @Override
  protected void registerAdditionalResources() {
    register(PasswordPolicyIsBadRequest.class);
  }

  public static class PasswordPolicyIsBadRequest implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (response.getStatus() == 500 && response.getEntity() instanceof ExceptionDto dto
          && PASSWORD_POLICY_MESSAGE.equals(dto.getMessage())) {
        response.setStatus(400);
      }
    }
  }
}
