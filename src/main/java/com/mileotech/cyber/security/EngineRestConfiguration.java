package com.mileotech.cyber.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import com.mileotech.cyber.incident.RefusedInput;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine's REST API as the starter configures it, plus two corrections, each the caller's
 * error (400) rather than a server error (500): a password refused by the policy (the engine throws
 * a plain ProcessEngineException), and a security-incident form the procedure refuses (RefusedInput,
 * whose French message names each field; nothing was written).
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  static final String PASSWORD_POLICY_MESSAGE = "Password does not match policy";
  static final String REFUSED_INPUT = RefusedInput.class.getSimpleName();

  @Override
  protected void registerAdditionalResources() {
    register(RefusalsAreBadRequests.class);
  }

  public static class RefusalsAreBadRequests implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (response.getStatus() == 500 && response.getEntity() instanceof ExceptionDto dto
          && (PASSWORD_POLICY_MESSAGE.equals(dto.getMessage()) || REFUSED_INPUT.equals(dto.getType()))) {
        response.setStatus(400);
      }
    }
  }
}
