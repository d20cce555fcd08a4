package com.mileotech.cyber.update;

import static com.mileotech.cyber.update.SecurityUpdateVariables.*;

import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.reminder.Deadlines;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of a security update that the process, its forms and its per-client instances
 * read (a contract: see docs/security-updates.md).
 */
final class UpdateFacts {

  private UpdateFacts() {}

  static void write(VariableScope scope, UpdateRegister.Update u, Moments moments, Deadlines deadlines) {
    REFERENCE.set(scope, u.reference());
    PRODUCT.set(scope, u.product());
    KIND.set(scope, u.kind());
    KIND_LABEL.set(scope, u.kindValue().label());
    CRITICAL.set(scope, u.critical());
    CRITICAL_LABEL.set(scope, u.critical() ? "correctif de sécurité critique" : "mise à jour non critique");
    AFFECTED_VERSIONS.set(scope, String.join(", ", u.affectedVersions()));
    FIXED_VERSION.set(scope, u.fixedVersion());
    ADVISORY.set(scope, u.advisory());
    CVE_IDS.set(scope, u.cveIds().isEmpty() ? null : String.join(", ", u.cveIds()));
    PUBLISHED_AT.set(scope, Date.from(u.publishedAt()));
    PUBLISHED_AT_LABEL.set(scope, moments.wordsWithZone(u.publishedAt()));
    DEADLINE_RULE.set(scope, u.deadlineRule());
    APPLY_BY_LABEL.set(scope, deadlines.inWords(u.dueAt()));
  }
}
