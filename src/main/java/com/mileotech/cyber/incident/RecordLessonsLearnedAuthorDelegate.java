package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.security.DecisionOwners;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer l'auteur du retour d'expérience", right after "Rédiger le retour d'expérience": who
 * wrote this version of the report, from the
 * authentication ({@code lessonsLearnedWrittenBy}), and everyone who wrote a version of it
 * ({@code lessonsLearnedAuthors}), so that its approval is four eyes: never by one of its authors.
 * Also checks and records the report's improvement actions ({@link ImprovementActionRows}).
 */
@Component("recordLessonsLearnedAuthor")
class RecordLessonsLearnedAuthorDelegate implements JavaDelegate {


  private final DecisionOwners owners;
  private final ImprovementActionRows improvementActions;

  RecordLessonsLearnedAuthorDelegate(DecisionOwners owners, ImprovementActionRows improvementActions) {
    this.owners = owners;
    this.improvementActions = improvementActions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    improvementActions.record(execution); // refused before anything is written
    String author = owners.currentUserId();
    LESSONS_LEARNED_WRITTEN_BY.set(execution, author);
    if (author != null) {
      Set<String> authors = new LinkedHashSet<>(authors(execution));
      authors.add(author);
      LESSONS_LEARNED_AUTHORS.set(execution, String.join(",", authors));
    }
  }

  static List<String> authors(DelegateExecution execution) {
    String authors = LESSONS_LEARNED_AUTHORS.text(execution);
    return authors == null ? List.of() : List.of(authors.split(","));
  }
}
