package com.mileotech.cyber.system;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Our API's answer when a write collided with a concurrent step of the same case: 409, try again. */
@RestControllerAdvice(basePackages = "com.mileotech.cyber")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConflictAnswers {

  /** What a person reads: nothing was saved, and doing it again will work. */
  static final String TRY_AGAIN = "Ce dossier vient d'être modifié en même temps par une autre opération "
      + "(une étape automatique du même dossier, par exemple) : rien n'a été enregistré, réessayez.";

  @ExceptionHandler(OptimisticLockingException.class)
  ResponseEntity<Map<String, Object>> conflict(OptimisticLockingException e) {
    return ApiErrors.body(HttpStatus.CONFLICT, TRY_AGAIN, List.of());
  }
}
