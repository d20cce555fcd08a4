package com.mileotech.cyber.reminder.mail;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs engine queries of the mail mechanism without the caller's authorization and tenant
 * checks. A process step may run on behalf of whoever completed the previous task (a client RSSI
 * cannot read the user list), yet the mail must reach everyone concerned.
 */
final class Privileged {

  private Privileged() {}

  static <T> T call(Supplier<T> work) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return work.get();
    }
    boolean authorization = context.isAuthorizationCheckEnabled();
    boolean tenant = context.isTenantCheckEnabled();
    context.disableAuthorizationCheck();
    context.disableTenantCheck();
    try {
      return work.get();
    } finally {
      context.setAuthorizationCheckEnabled(authorization);
      context.setTenantCheckEnabled(tenant);
    }
  }
}
