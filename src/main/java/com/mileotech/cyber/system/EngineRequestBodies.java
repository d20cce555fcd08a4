package com.mileotech.cyber.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;

/**
 * What a person's submission through the engine's REST API sends (submit-form, complete, resolve,
 * start) is read before Camunda reads it: a body that is no JSON, variables of a type the product
 * does not take (bytes, files, XML, Java serialization) or whose value is not of the type it
 * claims ({"type": "Integer", "value": "abc"}, a Date that does not parse, Json that is not JSON).
 * Camunda answers those with its own English message, without the variable's name; here they are
 * a French 400 naming each variable, in the form of a {@link Refusal}. What the values mean and
 * which variables a form allows is SubmissionGuard's and the procedure's to judge.
 *
 * <p>{@link French} is the net behind it: any other 400 of Camunda's on these paths keeps its
 * status and gets a French message, and the completion of a task that does not exist (or no more)
 * is a 404 rather than Camunda's 500.
 */
public class EngineRequestBodies implements ContainerRequestFilter {

  /** Task completions and process starts, in both copies of the API (/engine-rest, /camunda/api/engine/engine/default). */
  static final Pattern SUBMISSIONS = Pattern.compile(
      "(?:^|.*/)(?:task/[^/]+/(?:submit-form|complete|resolve)|process-definition/.+/(?:submit-form|start))/?$");
  /** The variable writes that take {"modifications": {...}} (refused anyway: SubmissionGuard). */
  static final Pattern VARIABLE_MODIFICATIONS = Pattern.compile("(?:^|.*/)(?:variables|localVariables)/?$");
  static final String UNREADABLE = "Requête refusée : corps de requête JSON illisible";
  static final String REFUSED = "Requête refusée";
  /** Camunda's words for a job or job definition that does not exist (a 500 of its own, for an unknown id). */
  static final Pattern JOB_NOT_FOUND = Pattern.compile("(?i)no job (?:definition )?found|job (?:definition )?is null"
      + "|Cannot find job");
  /** How SubmissionGuard's refusals begin (security/SubmissionGuard: VARIABLES, STEPS, DEADLINES…). */
  static final Pattern GUARD_REFUSAL = Pattern.compile(
      "(?:Modification|Suppression|Pièce jointe) refusée : |(?:Envoi|Commentaire) refusé : ");
  /** The engine's own exception types, whose messages speak of the request (not of a fault of the server). */
  static final Set<String> ENGINE_TYPES = Set.of("ProcessEngineException", "NullValueException",
      "BadUserRequestException", "InvalidRequestException", "NotFoundException", "RestException");
  /** Its words for what does not exist (an unknown id, a case already ended). */
  static final Pattern GONE = Pattern.compile("(?i)cannot find|not found|does not exist|doesn't exist|no \\w+( \\w+)? found"
      + "|is null");
  /** A read of an unknown id that Camunda does not check before using what it found (its deployed form of a task). */
  static final Pattern MISSING_ENTITY = Pattern.compile("because \"(?:task|execution|processInstance|job)\" is null");
  /** Camunda's 400 for a query parameter it could not convert: "Cannot convert value "xx" to java type java.util.Date". */
  static final Pattern CONVERSION = Pattern.compile("Cannot convert value \"(.{0,200}?)\" to java type ([\\w.]+)");
  /** Its words for a job's retries that are no positive number. */
  static final Pattern RETRIES = Pattern.compile("(?i)retries");
  static final String SERVER_ERROR = "Erreur du serveur : la demande n'a pas abouti et rien n'a été modifié. "
      + "L'erreur est consignée dans le journal du serveur.";
  /** Camunda's words for a task or definition that does not exist. */
  static final Pattern NOT_FOUND = Pattern.compile(
      "Cannot find task with id|task is null|no deployed process definition found|No process definition found");

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The value types a form's submission may use (Camunda's names, compared without case). */
  private static final Set<String> TYPES = Set.of("string", "boolean", "integer", "long", "short", "double", "date",
      "json", "null", "object");
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,19}");
  private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,15})?([eE][-+]?\\d{1,3})?");
  /** Camunda REST's date format (camunda.bpm.rest default: yyyy-MM-dd'T'HH:mm:ss.SSSZ). */
  private static final String DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";
  /** Camunda's variable date format, strict (no 31 February), independent of any default zone. */
  private static final java.time.format.DateTimeFormatter CAMUNDA_DATE = java.time.format.DateTimeFormatter
      .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT).withResolverStyle(java.time.format.ResolverStyle.STRICT);

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String method = request.getMethod();
    if ("POST".equals(method) && VARIABLE_MODIFICATIONS.matcher(EnginePaths.of(request)).matches()) {
      nullModifications(request);
      return;
    }
    if (!("POST".equals(method) || "PUT".equals(method))
        || !SUBMISSIONS.matcher(EnginePaths.of(request)).matches()) {
      return;
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    if (body.length == 0) {
      return;
    }
    List<Refusal.Problem> problems = new ArrayList<>();
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (JsonProcessingException | RuntimeException e) {
      abort(request, UNREADABLE);
      return;
    }
    if (json == null || !json.isObject()) {
      abort(request, UNREADABLE + " (objet attendu)");
      return;
    }
    JsonNode variables = json.get("variables");
    if (variables != null && !variables.isNull()) {
      if (!variables.isObject()) {
        problems.add(new Refusal.Problem("variables", "objet attendu : une entrée par variable, chacune avec "
            + "« value » et « type »"));
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> variable = it.next();
          String problem = problem(variable.getValue());
          if (problem != null) {
            problems.add(new Refusal.Problem(variable.getKey(), problem));
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      abort(request, Refusal.ofFields(REFUSED, problems).getMessage());
    }
  }

  /**
   * A null entry among a variable write's modifications made Camunda fail with a NullPointerException
   * (500, Java names in its message) before SubmissionGuard could refuse the write: a 400 naming it.
   */
  private static void nullModifications(ContainerRequestContext request) throws IOException {
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    JsonNode json;
    try {
      json = body.length == 0 ? null : JSON.readTree(body);
    } catch (JsonProcessingException | RuntimeException e) {
      return; // Camunda answers an unreadable body with its 400, which French makes French
    }
    JsonNode modifications = json == null ? null : json.get("modifications");
    if (modifications == null || !modifications.isObject()) {
      return;
    }
    List<Refusal.Problem> problems = new ArrayList<>();
    modifications.fields().forEachRemaining(entry -> {
      if (entry.getValue().isNull()) {
        problems.add(new Refusal.Problem(entry.getKey(), "objet attendu, avec « value » et « type »"));
      }
    });
    if (!problems.isEmpty()) {
      abort(request, Refusal.ofFields(REFUSED, problems).getMessage());
    }
  }

  /** Why Camunda could not read this variable as what it claims to be; null when it can. */
  static String problem(JsonNode variable) {
    if (variable == null) {
      return null;
    }
    if (variable.isNull()) {
      // Camunda fails on it with a NullPointerException (500); a null value is {"value": null}
      return "objet attendu, avec « value » et « type » (une valeur vide s'écrit {\"value\": null})";
    }
    if (!variable.isObject()) {
      return "objet attendu, avec « value » et « type »";
    }
    JsonNode value = variable.path("value");
    JsonNode type = variable.get("type");
    if (type == null || type.isNull()) {
      return value.isContainerNode() ? "type « Json » attendu pour une liste ou un objet" : null;
    }
    if (!type.isTextual() || !TYPES.contains(type.asText().toLowerCase(Locale.ROOT))) {
      return "type de valeur non admis " + Limits.quote(type.isTextual() ? type.asText() : type.toString())
          + " (types admis : « String », « Boolean », « Integer », « Long », « Double », « Date », « Json »)";
    }
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    String text = value.isValueNode() ? value.asText() : null;
    return switch (type.asText().toLowerCase(Locale.ROOT)) {
      case "string" -> value.isValueNode() ? null : "texte attendu";
      case "boolean" -> value.isBoolean() || "true".equals(text) || "false".equals(text) ? null : "vrai ou faux attendu";
      case "integer" -> whole(value, text, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case "short" -> whole(value, text, Short.MIN_VALUE, Short.MAX_VALUE);
      case "long" -> whole(value, text, Long.MIN_VALUE, Long.MAX_VALUE);
      case "double" -> (value.isNumber() && Double.isFinite(value.asDouble()))
          || (value.isTextual() && DECIMAL.matcher(text).matches()) ? null : "nombre attendu";
      case "date" -> date(text);
      case "json" -> json(value);
      case "object" -> value.isTextual() ? null : "valeur sérialisée (texte) attendue";
      default -> null; // "null"
    };
  }

  private static String whole(JsonNode value, String text, long min, long max) {
    BigInteger number = null;
    if (value.isIntegralNumber()) {
      number = value.bigIntegerValue();
    } else if (value.isTextual() && INTEGER.matcher(text).matches()) {
      number = new BigInteger(text);
    }
    if (number == null) {
      return "nombre entier attendu";
    }
    return number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0
        ? "nombre entier hors limites (" + min + " à " + max + ")" : null;
  }

  private static String date(String text) {
    if (text == null) {
      return "date attendue (format " + DATE_FORMAT + ")";
    }
    try {
      CAMUNDA_DATE.parse(text); // only the shape is checked here: Camunda reads the instant with its offset
      return null;
    } catch (java.time.format.DateTimeParseException e) {
      return "date illisible " + Limits.quote(text) + " (format 2026-03-02T14:30:00.000+0100 attendu)";
    }
  }

  private static String json(JsonNode value) {
    if (!value.isTextual()) {
      return "texte JSON attendu";
    }
    try {
      JSON.readTree(value.asText());
      return null;
    } catch (JsonProcessingException e) {
      return "valeur JSON illisible";
    }
  }

  private static void abort(ContainerRequestContext request, String message) {
    request.abortWith(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(refusal(message)).build());
  }

  static ExceptionDto refusal(String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(Refusal.class.getSimpleName());
    dto.setMessage(message);
    return dto;
  }

  /**
   * On the same paths, a 400 of Camunda's own (a request it could not read in a way the check above
   * did not foresee) keeps its status and says so in French: no English, no ids, no Java names.
   */
  public static class French implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      // Camunda answers a completion of a task that is no more (done meanwhile, or never was) with a 500
      if (response.getStatus() == 500 && response.getEntity() instanceof ExceptionDto dto && dto.getMessage() != null
          && NOT_FOUND.matcher(dto.getMessage()).find()
          && SUBMISSIONS.matcher(EnginePaths.of(request)).matches()) {
        response.setStatus(404);
        ExceptionDto gone = new ExceptionDto();
        gone.setType("NotFound");
        gone.setMessage("Tâche ou procédure introuvable : déjà terminée, ou inconnue");
        response.setEntity(gone);
        return;
      }
      // a query parameter of the wrong type, on any path: Camunda named the Java type it wanted
      if (response.getStatus() == 400 && response.getEntity() instanceof ExceptionDto dto && dto.getMessage() != null) {
        java.util.regex.Matcher conversion = CONVERSION.matcher(dto.getMessage());
        if (conversion.find()) {
          String wanted = switch (conversion.group(2)) {
            case "java.util.Date" -> "une date au format 2026-03-02T14:30:00.000+0100";
            case "java.lang.Integer", "java.lang.Long", "java.lang.Short" -> "un nombre entier";
            case "java.lang.Boolean" -> "true ou false";
            default -> "une valeur d'un autre type";
          };
          response.setEntity(refusal(REFUSED + " : valeur " + Limits.quote(conversion.group(1)) + " illisible (attendu : "
              + wanted + ")"));
          return;
        }
      }
      if (response.getStatus() == 400 && response.getEntity() instanceof ExceptionDto dto
          && !Refusal.class.getSimpleName().equals(dto.getType())
          && SUBMISSIONS.matcher(EnginePaths.of(request)).matches()) {
        response.setEntity(refusal(REFUSED + " : la requête n'a pas pu être lue (variables, types ou valeurs) ; "
            + "chaque variable s'envoie avec « value » et « type »."));
        return;
      }
      // a refusal of SubmissionGuard that Camunda's resource wrapped in its own 500 (POST /job/{id}/execute)
      if (response.getStatus() == 500 && response.getEntity() instanceof ExceptionDto dto && dto.getMessage() != null
          && GUARD_REFUSAL.matcher(dto.getMessage()).lookingAt()) {
        response.setStatus(400);
        response.setEntity(refusal(dto.getMessage()));
        return;
      }
      // any other 500 of the engine's API: no Java names, no engine internals (Camunda logs the error itself);
      // a collision is ConflictAnswers' 409
      // (a collision is ConflictAnswers' 409, a refused password PasswordPolicyRefusal's 400: whichever filter
      // runs first, those 500s are left to them)
      if (response.getStatus() == 500 && response.getEntity() instanceof ExceptionDto dto
          && !ConflictAnswers.OPTIMISTIC_LOCKING.equals(dto.getType())
          && (dto.getMessage() == null || (!dto.getMessage().contains(ConflictAnswers.OPTIMISTIC_LOCKING_CODE)
              && !dto.getMessage().contains(EngineRestConfiguration.PASSWORD_POLICY_MESSAGE)))) {
        ExceptionDto answer = new ExceptionDto();
        String message = dto.getMessage() == null ? "" : dto.getMessage();
        boolean engineWords = dto.getType() != null && ENGINE_TYPES.contains(dto.getType());
        if (JOB_NOT_FOUND.matcher(message).find()) {
          response.setStatus(404);
          answer.setType("NotFound");
          answer.setMessage("Travail introuvable : déjà exécuté, ou inconnu");
        } else if ("TaskAlreadyClaimedException".equals(dto.getType())) {
          response.setStatus(409);
          answer.setType("Conflict");
          answer.setMessage("Tâche déjà prise par une autre personne : rechargez la liste des tâches.");
        } else if (engineWords && RETRIES.matcher(message).find()) {
          response.setStatus(400);
          answer.setType(Refusal.class.getSimpleName());
          answer.setMessage(REFUSED + " : retries : nombre entier positif attendu");
        } else if ((engineWords && GONE.matcher(message).find()) || ("GET".equals(request.getMethod())
            && "NullPointerException".equals(dto.getType()) && MISSING_ENTITY.matcher(message).find())) {
          response.setStatus(404);
          answer.setType("NotFound");
          answer.setMessage("Introuvable : déjà terminé, ou inconnu");
        } else {
          answer.setType("ServerError");
          answer.setMessage(SERVER_ERROR);
        }
        response.setEntity(answer);
      }
    }
  }
}
