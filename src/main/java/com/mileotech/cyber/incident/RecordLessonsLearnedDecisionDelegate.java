package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.security.DecisionOwners;
import com.mileotech.cyber.security.DecisionOwners.Decider;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la décision sur le rapport": the report is approved (complete: chronology, root
 * causes, effectiveness, improvements) or sent back with a comment ({@code lessonsLearnedApproved}).
 * Four eyes: the review is a project manager's, and never one of the report's authors (the same
 * person may be referent and project manager); the approver is the authenticated user.
 */
@Component("recordLessonsLearnedDecision")
class RecordLessonsLearnedDecisionDelegate implements JavaDelegate {

  static final String APPROVED = "approuve";
  static final String REWORK = "a-reprendre";

  private static final String REFUSED = "Décision non enregistrée";

  private final DecisionOwners owners;
  private final Moments moments;

  RecordLessonsLearnedDecisionDelegate(DecisionOwners owners, Moments moments) {
    this.owners = owners;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Decider reviewer = owners.requireMember(REFUSED, Groups.PROJECT_MANAGERS,
        "seul un chef de projet, autre que l'auteur du rapport, peut approuver le retour d'expérience ou le renvoyer à la rédaction");
    if (RecordLessonsLearnedAuthorDelegate.authors(execution).contains(reviewer.userId())) {
      throw Refusal.of(REFUSED, "vous avez rédigé ce rapport : un autre chef de projet doit l'approuver (principe des quatre yeux)");
    }
    String decision = LESSONS_DECISION.text(execution);
    List<String> problems = new ArrayList<>();
    if (APPROVED.equals(decision)) {
      if (LESSONS_ROOT_CAUSES.text(execution) == null) {
        problems.add("le rapport n'indique pas les causes racines : renvoyez-le à la rédaction");
      }
      if (LESSONS_RESPONSE_EFFECTIVENESS.text(execution) == null) {
        problems.add("le rapport n'évalue pas l'efficacité de la réponse : renvoyez-le à la rédaction");
      }
      if (LESSONS_IMPROVEMENTS.text(execution) == null) {
        problems.add("le rapport ne liste pas de points d'amélioration : renvoyez-le à la rédaction");
      }
    } else if (REWORK.equals(decision)) {
      if (LESSONS_REVIEW_COMMENT.text(execution) == null) {
        problems.add("indiquez ce qui est à reprendre");
      }
    } else {
      problems.add("approuvez le rapport ou renvoyez-le à la rédaction");
    }
    if (!problems.isEmpty()) {
      throw Refusal.of(REFUSED, problems);
    }
    boolean approved = APPROVED.equals(decision);
    LESSONS_LEARNED_APPROVED.set(execution, approved);
    if (approved) {
      LESSONS_LEARNED_APPROVED_AT.set(execution, Moments.date(moments.now()));
      LESSONS_LEARNED_APPROVED_BY.set(execution, reviewer.userId());
      LESSONS_REVIEW_COMMENT.remove(execution);
    }
    LESSONS_DECISION.remove(execution);
  }
}
