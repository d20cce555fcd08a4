package com.mileotech.cyber.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import com.mileotech.cyber.system.EngineApiExtension;
import com.mileotech.cyber.system.EnginePaths;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.dto.history.HistoricVariableInstanceDto;
import org.camunda.bpm.engine.rest.dto.history.HistoricVariableUpdateDto;
import org.camunda.bpm.engine.rest.dto.history.UserOperationLogEntryDto;
import org.camunda.bpm.engine.rest.dto.runtime.VariableInstanceDto;
import org.springframework.stereotype.Component;

/**
 * What the engine's REST API (/engine-rest and the webapps' copy) shows to callers who are not
 * Mileo staff: a client's RSSI and the integrations (service accounts).
 * <ul>
 *   <li>An integration's job is our /api (reporting an incident, a security update): the engine's
 *       API answers it 403 for everything.</li>
 *   <li>A client's RSSI works their own client's tasks in Tasklist. The engine's operations side
 *       (metrics, jobs, batches, failures, cleanup) counts and names every client's work at once:
 *       403.</li>
 *   <li>A few variables of a client's case name other clients, for the referent's choices (the
 *       clients a Mileo service incident also affects): they do not exist for an RSSI, in any list,
 *       map or by name; nor do the user operation log's entries of no case (a model's retention,
 *       a job definition, a batch: staff's operations on what every client shares).</li>
 * </ul>
 * The tenant check (TenantScopedEntityManager) keeps another client's cases out already; this keeps
 * out what a case of one's own client says about the others.
 */
public final class ClientFacingEngineApi {

  /** Variables of a client's case that name other clients (staff only). */
  static final Set<String> STAFF_ONLY_VARIABLES = Set.of("otherClientOptions", "affectedClients",
      "otherAffectedClientsInput");
  static final String INTEGRATIONS = "Accès refusé : un compte d'intégration utilise l'API de l'application (/api), "
      + "pas celle du moteur";
  static final String OPERATIONS = "Accès refusé : l'exploitation du moteur (métriques, travaux, lots, échecs, "
      + "nettoyage) est réservée au personnel de Mileo";
  /** Operations resources, under either copy of the API. */
  static final Pattern OPERATIONS_PATHS = Pattern.compile("(?:^|.*/)(?:metrics|job|job-definition|history/job-log"
      + "|external-task|history/external-task-log|incident|history/incident|batch|history/batch|history/cleanup"
      + "|telemetry|schema/log)(?:/.*)?$");
  /** A variable read by its name: .../variables/{name}, .../localVariables/{name}, and their data. */
  static final Pattern VARIABLE_BY_NAME = Pattern.compile("(?:^|.*/)(?:variables|localVariables)/([^/]+)(?:/data)?/?$");
  private static final Set<String> STAFF = Set.of(Groups.TECHNICIANS_ID, Groups.PROJECT_MANAGERS_ID,
      Groups.CYBER_REFERENT_ID, Groups.ADMINISTRATORS_ID);

  private ClientFacingEngineApi() {}

  /** The caller, when authenticated and not staff; null otherwise (staff, or nobody: the authentication filters answer). */
  static Authentication outsider() {
    ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
    Authentication caller = engine == null ? null : engine.getIdentityService().getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      return null;
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    return groups.stream().anyMatch(STAFF::contains) ? null : caller;
  }

  /** Before the resource: integrations and the operations side. */
  @Component
  public static class Requests implements ContainerRequestFilter, EngineApiExtension {
    @Override
    public void filter(ContainerRequestContext request) {
      Authentication caller = outsider();
      if (caller == null) {
        return;
      }
      String path = EnginePaths.of(request);
      List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
      if (groups.contains(Groups.INTEGRATIONS_ID)) {
        request.abortWith(refused(Response.Status.FORBIDDEN, INTEGRATIONS));
      } else if (OPERATIONS_PATHS.matcher(path).matches()) {
        request.abortWith(refused(Response.Status.FORBIDDEN, OPERATIONS));
      } else {
        var byName = VARIABLE_BY_NAME.matcher(path);
        if (byName.matches() && STAFF_ONLY_VARIABLES.contains(byName.group(1))) {
          // exactly as a variable that does not exist
          request.abortWith(refused(Response.Status.NOT_FOUND, "Variable introuvable : « " + byName.group(1) + " »"));
        } else if (namesStaffOnlyVariable(request)) {
          // a query filtering on one of them answered its value, letter by letter, through counts
          request.abortWith(refused(Response.Status.BAD_REQUEST, UNKNOWN_VARIABLE));
        }
      }
    }
  }

  static final String UNKNOWN_VARIABLE = "Requête refusée : elle nomme une variable qui n'existe pas pour vous";

  /**
   * Whether the request names a staff-only variable anywhere (query parameters, or the JSON of a
   * POST or PUT), whatever its case (queries can ignore the case of names).
   */
  static boolean namesStaffOnlyVariable(ContainerRequestContext request) {
    StringBuilder text = new StringBuilder();
    request.getUriInfo().getQueryParameters(true).forEach((key, values) -> {
      text.append(key).append('\n');
      values.forEach(value -> text.append(value).append('\n'));
    });
    if (("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod())) && request.hasEntity()) {
      try {
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new java.io.ByteArrayInputStream(body));
        collect(JSON.readTree(body), text);
      } catch (java.io.IOException | RuntimeException e) {
        // not JSON (a file, a form): Camunda reads it or refuses it; such bodies carry no query
      }
    }
    // as the database compares names that ignore case (UPPER on both sides): "ı" and "ſ" fold to "I"
    // and "S" there, so they are folded here too, both ways, after compatibility normalization
    String all = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
    String upper = all.toUpperCase(java.util.Locale.ROOT);
    String lower = upper.toLowerCase(java.util.Locale.ROOT);
    return STAFF_ONLY_VARIABLES.stream().anyMatch(name -> upper.contains(name.toUpperCase(java.util.Locale.ROOT))
        || lower.contains(name.toLowerCase(java.util.Locale.ROOT))
        || all.toLowerCase(java.util.Locale.ROOT).contains(name.toLowerCase(java.util.Locale.ROOT)));
  }

  private static void collect(com.fasterxml.jackson.databind.JsonNode node, StringBuilder text) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      text.append(node.asText()).append('\n');
    }
    node.fields().forEachRemaining(field -> {
      text.append(field.getKey()).append('\n');
      collect(field.getValue(), text);
    });
    if (node.isArray()) {
      node.forEach(item -> collect(item, text));
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  /** After the resource: the staff-only variables taken out of what it answers. */
  @Component
  public static class Responses implements ContainerResponseFilter, EngineApiExtension {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      Object entity = response.getEntity();
      if (entity == null || response.getStatus() != 200 || outsider() == null) {
        return;
      }
      if (entity instanceof List<?> list) {
        List<Object> kept = new ArrayList<>(list.size());
        boolean removed = false;
        for (Object item : list) {
          if (staffOnly(item)) {
            removed = true;
          } else {
            kept.add(item);
          }
        }
        if (removed) {
          response.setEntity(kept, response.getEntityAnnotations(), response.getMediaType());
        }
      } else if (entity instanceof Map<?, ?> map && map.keySet().stream().anyMatch(STAFF_ONLY_VARIABLES::contains)) {
        Map<Object, Object> kept = new LinkedHashMap<>(map);
        kept.keySet().removeAll(STAFF_ONLY_VARIABLES);
        response.setEntity(kept, response.getEntityAnnotations(), response.getMediaType());
      } else if (staffOnly(entity)) {
        response.setStatus(404);
        response.setEntity(exception(Response.Status.NOT_FOUND, "Variable introuvable"), response.getEntityAnnotations(),
            MediaType.APPLICATION_JSON_TYPE);
      }
    }

    private static boolean staffOnly(Object item) {
      String name = null;
      if (item instanceof VariableInstanceDto variable) {
        name = variable.getName();
      } else if (item instanceof HistoricVariableInstanceDto variable) {
        name = variable.getName();
      } else if (item instanceof HistoricVariableUpdateDto update) {
        name = update.getVariableName();
      } else if (item instanceof UserOperationLogEntryDto entry) {
        // an operation on no case (a model's retention, a job definition, a batch) is no client's:
        // our models are shared by every client (no tenant), so the engine showed such entries to
        // every RSSI allowed to read the model's history
        return entry.getProcessInstanceId() == null;
      }
      return name != null && STAFF_ONLY_VARIABLES.contains(name);
    }
  }

  private static Response refused(Response.Status status, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(exception(status, message)).build();
  }

  /** The answer's type follows its status: what a caller tests, not the wording of the message. */
  private static ExceptionDto exception(Response.Status status, String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(switch (status) {
      case NOT_FOUND -> "NotFound";
      case BAD_REQUEST -> "Refusal";
      default -> "Forbidden";
    });
    dto.setMessage(message);
    return dto;
  }
}
