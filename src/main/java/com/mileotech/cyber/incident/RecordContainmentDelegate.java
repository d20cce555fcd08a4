package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.Moments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer le confinement": the first containment measures of PROC-CYB-005 §03, each done or
 * not applicable, with a comment.
 */
@Component("recordContainment")
class RecordContainmentDelegate implements JavaDelegate {

  private static final Map<String, String> DONE_OR_NA = Map.of("fait", "Fait", "sans-objet", "Sans objet");

  static final Checklist ACTIONS = new Checklist(List.of(
      new Checklist.Item("containmentNetworkIsolation",
          "Isolation réseau (déconnexion du VLAN, blocage par le pare-feu)", DONE_OR_NA),
      new Checklist.Item("containmentCredentialRevocation",
          "Révocation des identifiants potentiellement compromis", DONE_OR_NA),
      new Checklist.Item("containmentRemoteAccessDisconnection",
          "Déconnexion des accès distants actifs", DONE_OR_NA)));

  private final Actors actors;
  private final Moments moments;

  RecordContainmentDelegate(Actors actors, Moments moments) {
    this.actors = actors;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> problems = new ArrayList<>();
    ACTIONS.check(execution, problems);
    if (!problems.isEmpty()) {
      throw Refusal.of("Confinement non enregistré", problems);
    }
    CONTAINED_AT.set(execution, Moments.date(moments.now()));
    CONTAINED_BY.set(execution, actors.current());
  }
}
