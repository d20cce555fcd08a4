package com.mileotech.cyber.system;

import org.springframework.http.HttpStatus;

/**
 * An API call answered with something other than a refusal of its input ({@link Refusal}): not found,
 * forbidden, unauthenticated, conflict. Turned into a JSON answer by {@link ApiErrors}.
 */
@Published
public class ApiException extends RuntimeException {

  private final HttpStatus status;

  public ApiException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, message);
  }

  public static ApiException forbidden() {
    return new ApiException(HttpStatus.FORBIDDEN, "Accès refusé");
  }

  public static ApiException unauthorized() {
    return new ApiException(HttpStatus.UNAUTHORIZED, "Authentification requise");
  }

  public static ApiException conflict(String message) {
    return new ApiException(HttpStatus.CONFLICT, message);
  }

  public HttpStatus status() {
    return status;
  }
}
