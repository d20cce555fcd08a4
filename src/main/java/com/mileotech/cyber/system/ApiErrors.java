package com.mileotech.cyber.system;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal of our API as JSON: {@code {"status", "message", "errors": [{"field", "message"}]}},
 * in French, naming each offending field. Never a stack trace.
 */
@RestControllerAdvice(basePackages = "com.mileotech.cyber")
public class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, Object>> api(ApiException e) {
    return body(e.status(), e.getMessage(), List.of());
  }

  /** The product's one refusal of input: 400, its French message, each named field. */
  @ExceptionHandler(Refusal.class)
  ResponseEntity<Map<String, Object>> refusal(Refusal e) {
    return body(HttpStatus.BAD_REQUEST, e.getMessage(), e.problems().stream().filter(p -> p.field() != null).toList());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
    List<Refusal.Problem> errors = new ArrayList<>();
    e.getBindingResult().getFieldErrors()
        .forEach(f -> errors.add(new Refusal.Problem(f.getField(), f.getDefaultMessage())));
    e.getBindingResult().getGlobalErrors()
        .forEach(g -> errors.add(new Refusal.Problem(g.getObjectName(), g.getDefaultMessage())));
    errors.sort(Comparator.comparing(Refusal.Problem::field));
    return body(HttpStatus.BAD_REQUEST, Refusal.INVALID_REQUEST, errors);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Map<String, Object>> violations(ConstraintViolationException e) {
    List<Refusal.Problem> errors = e.getConstraintViolations().stream()
        .map(v -> new Refusal.Problem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
        .sorted(Comparator.comparing(Refusal.Problem::field))
        .toList();
    return body(HttpStatus.BAD_REQUEST, Refusal.INVALID_REQUEST, errors);
  }

  /** Malformed JSON, an unknown enum value, a date that does not parse: name the field. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = jsonPath(mapping.getPath());
      String message;
      Class<?> target = mapping instanceof MismatchedInputException mismatched ? mismatched.getTargetType() : null;
      if (mapping instanceof StrictJson.UnstorableText) {
        message = mapping.getOriginalMessage();
      } else if (mapping instanceof InvalidFormatException format && target != null && target.isEnum()) {
        message = "valeur inconnue " + Limits.quote(format.getValue()) + " ; valeurs admises : "
            + String.join(", ", enumNames(target));
      } else if (target != null && java.time.temporal.Temporal.class.isAssignableFrom(target)) {
        message = "date ou heure mal formée (ISO 8601 attendu, ex. 2026-03-04T14:30:00+01:00)";
      } else {
        message = expected(target);
      }
      return body(HttpStatus.BAD_REQUEST, Refusal.INVALID_REQUEST, List.of(new Refusal.Problem(field, message)));
    }
    return body(HttpStatus.BAD_REQUEST, "Corps de requête JSON illisible", List.of());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
    return body(HttpStatus.BAD_REQUEST, Refusal.INVALID_REQUEST,
        List.of(new Refusal.Problem(e.getName(), "valeur mal formée")));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> authorization(AuthorizationException e) {
    return body(HttpStatus.FORBIDDEN, "Accès refusé", List.of());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    return body(HttpStatus.METHOD_NOT_ALLOWED, "Méthode non permise", List.of());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Type de contenu non pris en charge (application/json attendu)", List.of());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e) {
    return body(HttpStatus.NOT_FOUND, "Ressource introuvable", List.of());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e) {
    LOG.error("Unexpected error in API call", e);
    return body(HttpStatus.INTERNAL_SERVER_ERROR, "Erreur interne ; l'incident technique a été journalisé", List.of());
  }

  static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message, List<Refusal.Problem> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("message", message);
    if (!errors.isEmpty()) {
      body.put("errors", errors);
    }
    return ResponseEntity.status(status).body(body);
  }

  /** What a value of {@code target} looks like in JSON, in French. */
  private static String expected(Class<?> target) {
    if (target == null) {
      return "valeur mal formée";
    }
    if (target == String.class || target == Character.class || target == char.class) {
      return "texte attendu";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "vrai ou faux attendu (true ou false)";
    }
    if (target == Integer.class || target == int.class || target == Long.class || target == long.class
        || target == Short.class || target == short.class || target == java.math.BigInteger.class) {
      return "nombre entier attendu";
    }
    if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
      return "nombre attendu";
    }
    if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
      return "liste attendue";
    }
    return "objet attendu";
  }

  private static String jsonPath(List<JsonMappingException.Reference> path) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        field.append('[').append(ref.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  private static List<String> enumNames(Class<?> type) {
    List<String> names = new ArrayList<>();
    for (Object constant : type.getEnumConstants()) {
      names.add(((Enum<?>) constant).name());
    }
    return names;
  }

  private static String lastNode(String path) {
    int dot = path.indexOf('.');
    return dot >= 0 ? path.substring(dot + 1) : path;
  }
}
