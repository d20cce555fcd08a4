package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Published;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Published (synchronously) by "Enregistrer le confinement" and "Enregistrer l'éradication" before
 * they record the step: the playbook feature checks and records each action the form answered. A
 * listener that refuses (a {@code Refusal}) undoes the whole submission. {@code round} is 1 for
 * containment, the eradication round otherwise.
 */
@Published
public record ResponseActionsSubmitted(ResponseStep step, DelegateExecution execution, int round) {}
