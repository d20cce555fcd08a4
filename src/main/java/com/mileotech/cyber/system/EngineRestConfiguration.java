package com.mileotech.cyber.system;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine's REST API, in its two copies: /engine-rest (integrations, scripts) and the webapps'
 * /camunda/api/engine (what Tasklist, Cockpit and Admin call). Both answer the caller's errors as
 * 400 rather than 500, with the French message alone: a {@link Refusal} (a form or start the
 * procedure refuses; nothing was written), and a password the policy refuses (the engine throws a
 * plain ProcessEngineException); and a command that kept colliding with a concurrent step of the
 * same case as 409 (ConflictAnswers). A submission whose body or variables Camunda could not read
 * is a French 400 naming each variable (EngineRequestBodies).
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  static final String PASSWORD_POLICY_MESSAGE = "Password does not match policy";
  static final String PASSWORD_POLICY_FRENCH = "Mot de passe refusé : au moins 12 caractères, avec une minuscule, "
      + "une majuscule, un chiffre et un caractère spécial, sans l'identifiant ni le nom de l'utilisateur.";

  /** What both copies of the API register beside Camunda's own resources. */
  static final List<Class<?>> PROVIDERS = List.of(RefusalMapper.class, UnmappableBodyMapper.class,
      UnreadableBodyMapper.class, PasswordPolicyRefusal.class,
      ConflictAnswers.EngineApi.class, UnknownIdMapper.class, EngineRequestBodies.class, EngineRequestBodies.French.class);
  /**
   * The features' providers ({@link EngineApiExtension} beans), known once this bean is built: before
   * the webapps' copy starts (at its first request) and before /engine-rest registers its resources.
   */
  private static volatile List<Class<?>> extensions = List.of();

  EngineRestConfiguration(List<EngineApiExtension> features) {
    extensions = features.stream().<Class<?>>map(Object::getClass).toList();
  }

  @Override
  protected void registerAdditionalResources() {
    PROVIDERS.forEach(this::register);
    extensions.forEach(this::register);
  }

  /**
   * The webapps' copy of the API, registered under the name Camunda's webapp initializer uses,
   * before it runs: the initializer then keeps ours (it registers a servlet only when none of that
   * name exists).
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static ServletContextInitializer webappEngineApi(CamundaBpmProperties properties) {
    return servletContext -> register(servletContext, properties.getWebapp().getApplicationPath());
  }

  private static void register(ServletContext servletContext, String applicationPath) {
    ServletRegistration.Dynamic servlet = servletContext.addServlet("Engine Api", ServletContainer.class);
    servlet.addMapping(applicationPath + "/api/engine/*");
    servlet.setInitParameters(Map.of("jakarta.ws.rs.Application", WebappEngineApi.class.getName()));
  }

  /** Camunda's webapp engine API, plus our providers. */
  public static class WebappEngineApi extends EngineRestApplication {
    @Override
    public Set<Class<?>> getClasses() {
      Set<Class<?>> classes = new HashSet<>(super.getClasses());
      classes.addAll(PROVIDERS);
      classes.addAll(extensions);
      return classes;
    }
  }

  /**
   * A body Jackson could not map onto Camunda's request object (PUT /task/{id} with the read-only
   * "camundaFormRef" of a GET, a number as an object…): Jackson's provider answered a text/plain 400
   * naming Java classes. Now a French 400 naming the field.
   */
  @jakarta.annotation.Priority(1) // before the one Jackson's JAX-RS provider brings for the same type
  public static class UnmappableBodyMapper implements ExceptionMapper<com.fasterxml.jackson.databind.JsonMappingException> {
    @Override
    public Response toResponse(com.fasterxml.jackson.databind.JsonMappingException e) {
      String field = e.getPath().stream().map(reference -> reference.getFieldName() != null ? reference.getFieldName()
          : "[" + reference.getIndex() + "]").reduce((a, b) -> a + "." + b).orElse(null);
      ExceptionDto dto = new ExceptionDto();
      dto.setType(Refusal.class.getSimpleName());
      dto.setMessage(field == null ? "Requête refusée : corps de requête JSON illisible"
          : "Requête refusée : " + field + " : valeur illisible ou champ qui ne s'écrit pas");
      return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
    }
  }

  /** JSON that does not parse: a French 400, not Jackson's text. */
  @jakarta.annotation.Priority(1)
  public static class UnreadableBodyMapper implements ExceptionMapper<com.fasterxml.jackson.core.JsonParseException> {
    @Override
    public Response toResponse(com.fasterxml.jackson.core.JsonParseException e) {
      ExceptionDto dto = new ExceptionDto();
      dto.setType(Refusal.class.getSimpleName());
      dto.setMessage("Requête refusée : corps de requête JSON illisible");
      return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
    }
  }

  /** A refusal of the procedure: 400, its French message, nothing else. */
  public static class RefusalMapper implements ExceptionMapper<Refusal> {
    @Override
    public Response toResponse(Refusal refusal) {
      ExceptionDto dto = new ExceptionDto();
      dto.setType(Refusal.class.getSimpleName());
      dto.setMessage(refusal.getMessage());
      return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
    }
  }

  /**
   * An id that names nothing (the engine throws NullValueException, e.g. the variables of an unknown
   * process instance): 404 with the engine's message, not a server error. Another client's ids are
   * unknown ids too (security/TenantScopedEntityManager), so they answer the same.
   */
  public static class UnknownIdMapper implements ExceptionMapper<NullValueException> {
    @Override
    public Response toResponse(NullValueException unknown) {
      ExceptionDto dto = new ExceptionDto();
      dto.setType(NullValueException.class.getSimpleName());
      dto.setMessage(unknown.getMessage());
      return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
    }
  }

  /** The engine's English 500 for a password the policy refuses, as a French 400. */
  public static class PasswordPolicyRefusal implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (response.getStatus() == 500 && response.getEntity() instanceof ExceptionDto dto
          && PASSWORD_POLICY_MESSAGE.equals(dto.getMessage())) {
        ExceptionDto french = new ExceptionDto();
        french.setType(Refusal.class.getSimpleName());
        french.setMessage(PASSWORD_POLICY_FRENCH);
        response.setStatus(400);
        response.setEntity(french);
      }
    }
  }
}
