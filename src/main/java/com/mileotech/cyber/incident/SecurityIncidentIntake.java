package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.system.ApiException;
import com.mileotech.cyber.system.ApiException.FieldError;
import com.mileotech.cyber.system.References;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a security incident from a report that did not come through the Tasklist start form:
 * the API of the supervision platform and the reinforced monitoring of an earlier incident.
 * Validates first (nothing is started, no reference is spent on a refused report), and answers
 * the existing incident when the same external alert comes again, even from two concurrent calls
 * (the register's unique constraint decides which one wins).
 */
@Service
class SecurityIncidentIntake {

  /** How long a loser of a concurrent duplicate waits for the winner's incident to become visible. */
  private static final int DUPLICATE_LOOKUPS = 50;

  private final ReportValidator validator;
  private final ClientRepository clients;
  private final References references;
  private final RuntimeService runtimeService;
  private final SecurityIncidentRepository repository;
  private final Actors actors;
  private final Moments moments;
  private final TransactionTemplate transaction;

  SecurityIncidentIntake(ReportValidator validator, ClientRepository clients, References references,
      RuntimeService runtimeService, SecurityIncidentRepository repository, Actors actors, Moments moments,
      PlatformTransactionManager transactionManager) {
    this.validator = validator;
    this.clients = clients;
    this.references = references;
    this.runtimeService = runtimeService;
    this.repository = repository;
    this.actors = actors;
    this.moments = moments;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** The incident the report started or, for an alert already reported, the existing one. */
  record Outcome(String reference, boolean created) {}

  /** @throws ApiException 400 naming each refused field */
  Outcome report(SecurityIncidentReport report) {
    return report(report, actors.current());
  }

  /** As {@link #report(SecurityIncidentReport)}, on behalf of {@code reportedBy} (a step running in a job). */
  Outcome report(SecurityIncidentReport report, String reportedBy) {
    return report(report, reportedBy, java.util.Map.of());
  }

  /** As above, with process variables that link the incident to what opened it (e.g. a security update). */
  Outcome report(SecurityIncidentReport report, String reportedBy, java.util.Map<String, Object> links) {
    List<FieldError> errors = validator.validate(report);
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    String alertId = report.externalAlertId();
    if (alertId != null) {
      Optional<String> existing = repository.referenceOfAlert(alertId);
      if (existing.isPresent()) {
        return new Outcome(existing.get(), false);
      }
    }
    try {
      return new Outcome(transaction.execute(status -> start(report, reportedBy, links)), true);
    } catch (RuntimeException e) {
      if (alertId == null || !isDatabaseRefusal(e)) {
        throw e;
      }
      // a concurrent call reported the same alert first: its incident is the answer
      for (int i = 0; i < DUPLICATE_LOOKUPS; i++) {
        Optional<String> winner = repository.referenceOfAlert(alertId);
        if (winner.isPresent()) {
          return new Outcome(winner.get(), false);
        }
        sleep();
      }
      throw e;
    }
  }

  private String start(SecurityIncidentReport report, String reportedBy, java.util.Map<String, Object> links) {
    Client client = clients.find(report.clientId()).orElseThrow();
    String reference = references.next("INC");
    runtimeService.createProcessInstanceByKey(Variables.PROCESS_KEY)
        .businessKey(reference)
        .setVariables(report.variables(reference, client, reportedBy, moments))
        .setVariables(links)
        .execute();
    return reference;
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
