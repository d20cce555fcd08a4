package com.mileotech.cyber.improvement;

import static com.mileotech.cyber.improvement.ImprovementActionVariables.ACTION_ID;
import static com.mileotech.cyber.improvement.ImprovementActionVariables.CLOSED_AT;
import static com.mileotech.cyber.improvement.ImprovementActionVariables.CLOSED_BY;
import static com.mileotech.cyber.improvement.ImprovementActionVariables.DEADLINE;
import static com.mileotech.cyber.improvement.ImprovementActionVariables.EFFECT_CHECK;
import static com.mileotech.cyber.improvement.ImprovementActionVariables.EVIDENCE_REFERENCE;
import static com.mileotech.cyber.improvement.ImprovementActionVariables.OWNER;
import static com.mileotech.cyber.improvement.ImprovementActionVariables.WHAT_WAS_DONE;

import com.mileotech.cyber.reminder.Deadlines;
import com.mileotech.cyber.security.DecisionOwners;
import com.mileotech.cyber.security.DecisionOwners.Decider;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la clôture de l'action d'amélioration", right after « Clore l'action
 * d'amélioration »: an action is closed only with the evidence of its effect — what was done and
 * how its effect was checked (both required), an evidence reference if there is one — and only by
 * its owner or the cybersecurity referent. Who closed it comes from the authentication, when from
 * the server's clock; both are facts no submission writes. A refusal undoes the completion.
 */
@Component("recordImprovementActionClosure")
class RecordImprovementActionClosureDelegate implements JavaDelegate {

  static final String REFUSED = "Clôture refusée";
  static final int TEXT_MAX = 4000;
  static final int EVIDENCE_MAX = 200;

  private final DecisionOwners owners;
  private final ImprovementActionRegister register;
  private final Deadlines deadlines;
  private final Moments moments;

  RecordImprovementActionClosureDelegate(DecisionOwners owners, ImprovementActionRegister register, Deadlines deadlines,
      Moments moments) {
    this.owners = owners;
    this.register = register;
    this.deadlines = deadlines;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Decider closer = owners.current(REFUSED);
    if (!closer.userId().equals(OWNER.get(execution)) && !closer.isIn(Groups.CYBER_REFERENT)) {
      throw Refusal.of(REFUSED, "seul le responsable de l'action ou le référent cybersécurité peut la clore");
    }
    String done = WHAT_WAS_DONE.text(execution);
    String effect = EFFECT_CHECK.text(execution);
    String evidence = EVIDENCE_REFERENCE.text(execution);
    List<String> problems = new ArrayList<>();
    if (done == null) {
      problems.add("ce qui a été fait : décrivez ce qui a été fait pour mener l'action");
    } else if (done.length() > TEXT_MAX) {
      problems.add("ce qui a été fait : " + TEXT_MAX + " caractères au plus");
    }
    if (effect == null) {
      problems.add("vérification de l'effet : indiquez comment l'effet de l'action a été vérifié et ce que "
          + "la vérification a montré (preuve de son effet)");
    } else if (effect.length() > TEXT_MAX) {
      problems.add("vérification de l'effet : " + TEXT_MAX + " caractères au plus");
    }
    if (evidence != null && evidence.length() > EVIDENCE_MAX) {
      problems.add("référence de la preuve : " + EVIDENCE_MAX + " caractères au plus");
    }
    if (!problems.isEmpty()) {
      throw Refusal.of(REFUSED, problems);
    }
    Instant now = moments.now();
    CLOSED_BY.set(execution, closer.userId());
    CLOSED_AT.set(execution, now);
    deadlines.recordOutcome(execution, DEADLINE);
    register.close(ACTION_ID.require(execution), closer.userId(), now, done, effect, evidence);
  }
}
