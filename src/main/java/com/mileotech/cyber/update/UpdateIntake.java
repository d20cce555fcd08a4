package com.mileotech.cyber.update;

import com.mileotech.cyber.reminder.DeadlineProperties;
import com.mileotech.cyber.system.ApiException;
import com.mileotech.cyber.system.ApiException.FieldError;
import com.mileotech.cyber.system.References;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers a published security update and starts its process. The same advisory for the same
 * product is the same update: a second call answers the first one's reference, even when two calls
 * race (the register's unique key decides). Nothing is started and no reference is spent on a
 * refused publication.
 */
@Service
class UpdateIntake {

  static final String PROCESS_KEY = "security-update";
  static final String PREFIX = "MAJ";
  private static final int DUPLICATE_LOOKUPS = 50;

  private final PublicationValidator validator;
  private final UpdateRegister register;
  private final References references;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final DeadlineProperties deadlines;
  private final TransactionTemplate transaction;

  UpdateIntake(PublicationValidator validator, UpdateRegister register, References references,
      RuntimeService runtimeService, IdentityService identityService, DeadlineProperties deadlines,
      PlatformTransactionManager transactionManager) {
    this.validator = validator;
    this.register = register;
    this.references = references;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.deadlines = deadlines;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  record Outcome(String reference, boolean created) {}

  /** From the API. @throws ApiException 400 naming each refused field */
  Outcome publish(Publication publication) {
    List<FieldError> errors = validator.validate(publication);
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    Optional<String> existing = register.referenceOf(publication);
    if (existing.isPresent()) {
      return new Outcome(existing.get(), false);
    }
    try {
      return new Outcome(transaction.execute(status -> {
        String reference = record(publication);
        String pid = runtimeService.startProcessInstanceByKey(PROCESS_KEY, reference, Map.of("reference", reference)).getId();
        register.started(reference, pid);
        return reference;
      }), true);
    } catch (RuntimeException e) {
      if (!isDatabaseRefusal(e)) {
        throw e;
      }
      for (int i = 0; i < DUPLICATE_LOOKUPS; i++) {
        Optional<String> winner = register.referenceOf(publication);
        if (winner.isPresent()) {
          return new Outcome(winner.get(), false);
        }
        sleep();
      }
      throw e;
    }
  }

  /** Gives a validated publication its reference and enters it in the register (current transaction). */
  String record(Publication publication) {
    String reference = references.next(PREFIX);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    register.insert(reference, publication, dueAt(publication), currentUser(), now);
    return reference;
  }

  List<FieldError> problems(Publication publication) {
    return validator.validate(publication);
  }

  Optional<String> existing(Publication publication) {
    return register.referenceOf(publication);
  }

  /** When the work is due everywhere: the rule's span after the publication. */
  Instant dueAt(Publication publication) {
    return deadlines.rule(publication.deadlineRule()).within().after(publication.publishedAt(), deadlines.zone());
  }

  private String currentUser() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private static boolean isDatabaseRefusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DataAccessException || t instanceof SQLException) {
        return true;
      }
    }
    return false;
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
