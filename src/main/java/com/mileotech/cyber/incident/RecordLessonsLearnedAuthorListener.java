package com.mileotech.cyber.incident;

import com.mileotech.cyber.security.DecisionOwners;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On leaving "Rédiger le retour d'expérience": who wrote this version of the report, from the
 * authentication ({@code lessonsLearnedWrittenBy}), and everyone who wrote a version of it
 * ({@code lessonsLearnedAuthors}), so that its approval is four eyes: never by one of its authors.
 */
@Component("recordLessonsLearnedAuthor")
class RecordLessonsLearnedAuthorListener implements ExecutionListener {

  static final String WRITTEN_BY = "lessonsLearnedWrittenBy";
  static final String AUTHORS = "lessonsLearnedAuthors";

  private final DecisionOwners owners;

  RecordLessonsLearnedAuthorListener(DecisionOwners owners) {
    this.owners = owners;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String author = owners.currentUserId();
    execution.setVariable(WRITTEN_BY, author);
    if (author != null) {
      Set<String> authors = new LinkedHashSet<>(authors(execution));
      authors.add(author);
      execution.setVariable(AUTHORS, String.join(",", authors));
    }
  }

  static List<String> authors(DelegateExecution execution) {
    String authors = Values.text(execution.getVariable(AUTHORS));
    return authors == null ? List.of() : List.of(authors.split(","));
  }
}
