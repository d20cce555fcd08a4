package com.mileotech.cyber.playbook;

import static com.mileotech.cyber.playbook.PlaybookVariables.PLAYBOOK_ID;
import static com.mileotech.cyber.playbook.PlaybookVariables.PLAYBOOK_VERSION;

import com.mileotech.cyber.incident.ResponseActionsSubmitted;
import com.mileotech.cyber.incident.ResponseStep;
import com.mileotech.cyber.incident.SecurityIncidentVariables;
import com.mileotech.cyber.security.DecisionOwners;
import com.mileotech.cyber.system.FormField;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Checks and records the actions a containment or eradication form answered, when "Enregistrer le
 * confinement" or "Enregistrer l'éradication" runs (in the submission's command): every action the
 * form showed must be Réalisée or Non applicable, a Non applicable one with its justification; else
 * the whole submission is refused, each field named, and nothing is recorded. Who: the
 * authenticated user; when: the server's clock. The answers are then removed from the process, so
 * that a new eradication round asks again; answers to actions the form did not show are dropped.
 */
@Component
class RecordPlaybookActions {

  static final int COMMENT_MAX = 4000;

  private final Playbooks playbooks;
  private final PlaybookRecords records;
  private final DecisionOwners owners;
  private final Moments moments;

  RecordPlaybookActions(Playbooks playbooks, PlaybookRecords records, DecisionOwners owners, Moments moments) {
    this.playbooks = playbooks;
    this.records = records;
    this.owners = owners;
    this.moments = moments;
  }

  @EventListener
  void submitted(ResponseActionsSubmitted event) {
    DelegateExecution incident = event.execution();
    ResponseStep phase = event.step();
    String what = phase == ResponseStep.CONTAINMENT ? "Confinement non enregistré" : "Éradication non enregistrée";
    String id = PLAYBOOK_ID.get(incident);
    String version = PLAYBOOK_VERSION.get(incident);
    List<String> shown = PlaybookVariables.shown(phase).strings(incident);
    if (id == null || version == null || shown == null) {
      // a task created before playbooks existed (docs/incident.md, "Playbooks"): it showed none
      return;
    }
    Playbook playbook = playbooks.get(id, version).orElseThrow(() -> new IllegalStateException(
        "Playbook " + id + " " + version + " is no longer on the classpath"));
    String userId = owners.current(what).userId();
    Instant now = moments.now();
    String reference = SecurityIncidentVariables.REFERENCE.require(incident);
    String nature = PlaybookSteps.natureOf(phase).get(incident);
    List<Refusal.Problem> problems = new ArrayList<>();
    List<PlaybookRecords.Row> rows = new ArrayList<>();
    for (String code : shown) {
      Playbook.Action action = playbook.action(code).orElseThrow(() -> new IllegalStateException(
          "Action " + code + " not in " + playbook.name()));
      String label = "« " + action.label() + " »";
      String statusKey = PlaybookForm.statusKey(code);
      ActionStatus status = ActionStatus.of(FormField.of(statusKey).text(incident));
      String comment = null;
      if (status == null) {
        problems.add(new Refusal.Problem(statusKey, label + " : indiquez « Réalisée » ou « Non applicable »"));
      } else if (status == ActionStatus.NOT_APPLICABLE) {
        String key = PlaybookForm.justificationKey(code);
        comment = FormField.of(key).text(incident);
        if (comment == null) {
          problems.add(new Refusal.Problem(key, label + " : justification obligatoire pour une action non applicable"));
        } else if (comment.length() > COMMENT_MAX) {
          problems.add(new Refusal.Problem(key, label + " : justification de " + COMMENT_MAX + " caractères au plus"));
        }
      } else {
        String key = PlaybookForm.commentKey(code);
        comment = FormField.of(key).text(incident);
        if (comment != null && comment.length() > COMMENT_MAX) {
          problems.add(new Refusal.Problem(key, label + " : commentaire de " + COMMENT_MAX + " caractères au plus"));
        }
      }
      if (status != null) {
        rows.add(new PlaybookRecords.Row(reference, id, version, phase, event.round(), nature, code, action.label(),
            status, comment, userId, now));
      }
    }
    if (!problems.isEmpty()) {
      throw Refusal.ofFields(what, problems);
    }
    records.insert(rows);
    for (Playbook.Action action : playbook.actionsOf(phase)) {
      FormField.removeAll(incident, FormField.of(PlaybookForm.statusKey(action.code())),
          FormField.of(PlaybookForm.commentKey(action.code())), FormField.of(PlaybookForm.justificationKey(action.code())));
    }
  }
}
