package com.mileotech.cyber.reminder.mail;

import com.mileotech.cyber.security.PrivilegedCall;
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
    return context == null ? work.get() : PrivilegedCall.within(context, work);
  }
}
