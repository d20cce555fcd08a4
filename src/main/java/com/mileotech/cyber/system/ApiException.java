package com.mileotech.cyber.system;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An expected refusal of an API call, turned into a JSON answer by {@link ApiErrors}. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final List<FieldError> fieldErrors;

  public ApiException(HttpStatus status, String message, List<FieldError> fieldErrors) {
    super(message);
    this.status = status;
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  public static ApiException badRequest(String field, String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, ApiErrors.INVALID_REQUEST, List.of(new FieldError(field, message)));
  }

  public static ApiException badRequest(List<FieldError> errors) {
    return new ApiException(HttpStatus.BAD_REQUEST, ApiErrors.INVALID_REQUEST, errors);
  }

  public static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, message, List.of());
  }

  public static ApiException forbidden() {
    return new ApiException(HttpStatus.FORBIDDEN, "Accès refusé", List.of());
  }

  public static ApiException unauthorized() {
    return new ApiException(HttpStatus.UNAUTHORIZED, "Authentification requise", List.of());
  }

  public static ApiException conflict(String message) {
    return new ApiException(HttpStatus.CONFLICT, message, List.of());
  }

  public HttpStatus status() {
    return status;
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  /** One message about one input field, named by its JSON path (e.g. {@code rssiContacts[0].email}). */
  public record FieldError(String field, String message) {}
}
