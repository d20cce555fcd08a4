package com.mileotech.cyber.incident;

import com.mileotech.cyber.security.PrivilegedCall;
import com.mileotech.cyber.system.ApiException;
import com.mileotech.cyber.system.Limits;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referent converts a reported security incident into an exercise, with a reason; who and
 * when come from the authentication. One way only: an exercise is never turned back into a real
 * incident (a real incident found during an exercise is reported as a new incident), a closed
 * incident stays in the figures it was counted in, and one with a filing to an authority already
 * recorded cannot be unsaid (the notification feature refuses that through the event).
 */
@Service
class ExerciseConversion {

  private final SecurityIncidentRepository repository;
  private final RuntimeService runtime;
  private final PrivilegedCall privileged;
  private final ApplicationEventPublisher events;
  private final Moments moments;

  ExerciseConversion(SecurityIncidentRepository repository, RuntimeService runtime, PrivilegedCall privileged,
      ApplicationEventPublisher events, Moments moments) {
    this.repository = repository;
    this.runtime = runtime;
    this.privileged = privileged;
    this.events = events;
    this.moments = moments;
  }

  /** @throws Refusal 400 without a reason; ApiException 409 when it cannot be converted */
  @Transactional
  SecurityIncidentRepository.Exercise convert(SecurityIncidentRecord incident, String reason, String by) {
    String text = reason == null || reason.isBlank() ? null : reason.strip();
    if (text == null) {
      throw Refusal.field("reason", "motif de la conversion en exercice obligatoire");
    }
    String problem = Limits.textProblem(text, Limits.TEXT);
    if (problem != null) {
      throw Refusal.field("reason", "motif de la conversion en exercice : " + problem);
    }
    if (repository.exercise(incident.reference()).isPresent()) {
      throw ApiException.conflict("L'incident " + incident.reference() + " est déjà un exercice"
          + " (un exercice ne redevient pas un incident réel : signalez un nouvel incident)");
    }
    if (SecurityIncidentRepository.STATUS_CLOSED.equals(incident.status())) {
      throw ApiException.conflict("L'incident " + incident.reference() + " est clos : il reste compté comme un incident réel");
    }
    if (!repository.convertToExercise(incident.reference(), by, moments.now(), text)) {
      throw ApiException.conflict("L'incident " + incident.reference() + " est déjà un exercice");
    }
    // the referent holds no UPDATE_INSTANCE on security-incident: their right was checked by the caller
    privileged.call(() -> {
      if (!runtime.createProcessInstanceQuery().processInstanceId(incident.processInstanceId()).list().isEmpty()) {
        runtime.setVariables(incident.processInstanceId(), SecurityIncidentVariables.EXERCISE.map(true));
      }
      return null;
    });
    events.publishEvent(new SecurityIncidentExerciseDeclared(incident.reference(), incident.processInstanceId()));
    return repository.exercise(incident.reference()).orElseThrow();
  }
}
