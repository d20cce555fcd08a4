package com.mileotech.cyber.system;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The answer when a write collided with a concurrent step of the same case (Camunda's
 * OptimisticLockingException, "ENGINE-03005 ... updated by another transaction concurrently")
 * even after ConcurrentStepRetry ran it again: 409, nothing was saved, try again. For our API,
 * and for both copies of the engine's REST API ({@link EngineApi}), which answered 500 with the
 * engine's English message.
 */
@RestControllerAdvice(basePackages = "com.mileotech.cyber")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConflictAnswers {

  /** What a person reads: nothing was saved, and doing it again will work. */
  static final String TRY_AGAIN = "Ce dossier vient d'être modifié en même temps par une autre opération "
      + "(une étape automatique du même dossier, par exemple) : rien n'a été enregistré, réessayez.";
  static final String OPTIMISTIC_LOCKING = OptimisticLockingException.class.getSimpleName();
  /** The REST resources wrap the exception: "Cannot complete task <id>: ENGINE-03005 ...". */
  static final String OPTIMISTIC_LOCKING_CODE = "ENGINE-03005";

  @ExceptionHandler(OptimisticLockingException.class)
  ResponseEntity<Map<String, Object>> conflict(OptimisticLockingException e) {
    return ApiErrors.body(HttpStatus.CONFLICT, TRY_AGAIN, List.of());
  }

  /** The engine's 500 for a collision, as a French 409. */
  public static class EngineApi implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (response.getStatus() == 500 && response.getEntity() instanceof ExceptionDto dto
          && (OPTIMISTIC_LOCKING.equals(dto.getType())
              || (dto.getMessage() != null && dto.getMessage().contains(OPTIMISTIC_LOCKING_CODE)))) {
        ExceptionDto french = new ExceptionDto();
        french.setType(OPTIMISTIC_LOCKING);
        french.setMessage(TRY_AGAIN);
        response.setStatus(409);
        response.setEntity(french);
      }
    }
  }
}
