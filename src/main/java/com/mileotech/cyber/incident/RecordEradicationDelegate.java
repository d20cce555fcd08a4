package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.Moments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer l'éradication": the removal of the cause (PROC-CYB-005 §04), each action with its
 * outcome and a comment; counts the rounds (an integrity check that fails sends the work back).
 */
@Component("recordEradication")
class RecordEradicationDelegate implements JavaDelegate {

  static final Checklist ACTIONS = new Checklist(List.of(
      new Checklist.Item("eradicationEquipment", "Nettoyage ou remplacement de l'équipement compromis",
          ordered("nettoye", "Nettoyé", "remplace", "Remplacé", "sans-objet", "Sans objet")),
      new Checklist.Item("eradicationVulnerability", "Correction de la vulnérabilité exploitée",
          ordered("corrigee", "Corrigée", "sans-objet", "Sans objet")),
      new Checklist.Item("eradicationCredentials", "Révocation et renouvellement des identifiants compromis",
          ordered("renouveles", "Révoqués et renouvelés", "sans-objet", "Sans objet")),
      new Checklist.Item("eradicationFleetCheck", "Vérification du parc de même type (compromission latérale)",
          ordered("aucune-compromission", "Aucune compromission latérale",
              "compromission-detectee", "Compromission latérale détectée"))));

  private final Actors actors;
  private final Moments moments;

  RecordEradicationDelegate(Actors actors, Moments moments) {
    this.actors = actors;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> problems = new ArrayList<>();
    ACTIONS.check(execution, problems);
    if (!problems.isEmpty()) {
      throw Refusal.of("Éradication non enregistrée", problems);
    }
    Integer round = ERADICATION_ROUND.get(execution);
    ERADICATION_ROUND.set(execution, round == null ? 1 : round + 1);
    ERADICATED_AT.set(execution, Moments.date(moments.now()));
    ERADICATED_BY.set(execution, actors.current());
  }

  private static Map<String, String> ordered(String... codesAndLabels) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < codesAndLabels.length; i += 2) {
      map.put(codesAndLabels[i], codesAndLabels[i + 1]);
    }
    return map;
  }
}
