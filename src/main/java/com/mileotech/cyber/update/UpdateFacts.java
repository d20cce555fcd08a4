package com.mileotech.cyber.update;

import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.reminder.Deadlines;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of a security update that the process, its forms and its per-client instances
 * read (a contract: see docs/security-updates.md).
 */
final class UpdateVariables {

  private UpdateVariables() {}

  static void write(VariableScope scope, UpdateRegister.Update u, Moments moments, Deadlines deadlines) {
    scope.setVariable("reference", u.reference());
    scope.setVariable("product", u.product());
    scope.setVariable("kind", u.kind());
    scope.setVariable("kindLabel", u.kindValue().label());
    scope.setVariable("critical", u.critical());
    scope.setVariable("criticalLabel", u.critical() ? "correctif de sécurité critique" : "mise à jour non critique");
    scope.setVariable("affectedVersions", String.join(", ", u.affectedVersions()));
    scope.setVariable("fixedVersion", u.fixedVersion());
    scope.setVariable("advisory", u.advisory());
    scope.setVariable("cveIds", u.cveIds().isEmpty() ? null : String.join(", ", u.cveIds()));
    scope.setVariable("publishedAt", Date.from(u.publishedAt()));
    scope.setVariable("publishedAtLabel", moments.wordsWithZone(u.publishedAt()));
    scope.setVariable("deadlineRule", u.deadlineRule());
    scope.setVariable("applyByLabel", deadlines.inWords(u.dueAt()));
  }
}
