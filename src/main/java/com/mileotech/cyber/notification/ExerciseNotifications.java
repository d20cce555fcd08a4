package com.mileotech.cyber.notification;

import com.mileotech.cyber.incident.SecurityIncidentExerciseDeclared;
import com.mileotech.cyber.security.PrivilegedCall;
import com.mileotech.cyber.system.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A security incident converted into an exercise: its duties in the register are flagged, and its
 * running notifications (and the reports they called) carry the flag from now on, so that their
 * mails say EXERCICE. Refused (the conversion is undone) once a filing to an authority was
 * recorded: what was sent to the CNIL or the ANSSI was real and stays counted.
 */
@Component
class ExerciseNotifications {

  private final NotificationRegister register;
  private final RuntimeService runtime;
  private final PrivilegedCall privileged;

  ExerciseNotifications(NotificationRegister register, RuntimeService runtime, PrivilegedCall privileged) {
    this.register = register;
    this.runtime = runtime;
    this.privileged = privileged;
  }

  @EventListener
  void on(SecurityIncidentExerciseDeclared declared) {
    if (register.anyFiling(declared.reference())) {
      throw ApiException.conflict("L'incident " + declared.reference() + " a déjà fait l'objet d'un dépôt auprès d'une "
          + "autorité : il ne peut plus être converti en exercice");
    }
    register.markIncidentExercise(declared.reference());
    privileged.call(() -> {
      List<String> ids = new ArrayList<>();
      runtime.createProcessInstanceQuery().processDefinitionKeyIn(NotificationVariables.CNIL_PROCESS,
              NotificationVariables.ANSSI_PROCESS)
          .variableValueEquals(NotificationVariables.REFERENCE.name(), declared.reference()).list()
          .forEach(pi -> ids.add(pi.getId()));
      for (int i = 0; i < ids.size(); i++) {
        for (ProcessInstance called : runtime.createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()) {
          ids.add(called.getId());
        }
      }
      ids.forEach(id -> runtime.setVariables(id, NotificationVariables.EXERCISE.map(true)));
      return null;
    });
  }
}
