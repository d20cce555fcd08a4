package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.FormField;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A list of actions a form reports on, each with its outcome (from a closed list) and a
 * mandatory comment in {@code <key>Comment}: containment and eradication.
 */
record Checklist(List<Item> items) {

  /** One action: its variable, its French wording, and the outcomes it admits (code → label). */
  record Item(String key, String label, Map<String, String> outcomes) {}

  /** Adds one problem per action without a known outcome or without a comment. */
  void check(DelegateExecution execution, List<String> problems) {
    for (Item item : items) {
      String outcome = FormField.of(item.key()).text(execution);
      if (outcome == null || !item.outcomes().containsKey(outcome)) {
        problems.add(item.label() + " : indiquez " + String.join(" ou ", item.outcomes().values().stream()
            .map(v -> "« " + v + " »").toList()));
      }
      String comment = FormField.of(item.key() + "Comment").text(execution);
      if (comment == null) {
        problems.add(item.label() + " : commentaire obligatoire");
      } else if (comment.length() > 4000) {
        problems.add(item.label() + " : commentaire de 4000 caractères au plus");
      }
    }
  }
}
