package com.mileotech.cyber.reminder.mail;

import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.StaffAlert;
import com.mileotech.cyber.reminder.mail.OutboxMail.Kind;
import com.mileotech.cyber.security.SecurityAlert;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An alert as a mail through the outbox (once per alert key), written after the work that raised
 * it, in a transaction of its own: a {@link SecurityAlert} to every administrator with an address,
 * a {@link StaffAlert} to its audience (e.g. the referent, for evidence failing verification).
 */
@Component
class SecurityAlertMails {

  private static final Logger LOG = LoggerFactory.getLogger(SecurityAlertMails.class);
  private static final ProcessFacts NO_PROCESS = new ProcessFacts(null, null, null, null, null, null, null);

  private final Outbox outbox;
  private final RecipientResolver resolver;
  private final MailTemplates templates;
  private final TransactionTemplate ownTransaction;
  private final String publicBaseUrl;

  SecurityAlertMails(Outbox outbox, RecipientResolver resolver, MailTemplates templates,
      PlatformTransactionManager transactionManager,
      @Value("${mileo.public-base-url:http://localhost:8080}") String publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    this.outbox = outbox;
    this.resolver = resolver;
    this.templates = templates;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @TransactionalEventListener(fallbackExecution = true)
  void alert(SecurityAlert alert) {
    write("alert:" + alert.key(), EnumSet.of(Audience.ADMINISTRATORS), NO_PROCESS, alert.title(), alert.body());
  }

  @TransactionalEventListener(fallbackExecution = true)
  void alert(StaffAlert alert) {
    ProcessFacts facts = new ProcessFacts(null, alert.reference(), alert.reference(), alert.clientId(), alert.clientId(),
        null, null);
    write("staff-alert:" + alert.key(), alert.audience(), facts, alert.title(), alert.body());
  }

  private void write(String key, Set<Audience> audience, ProcessFacts facts, String title, String body) {
    try {
      ownTransaction.executeWithoutResult(status -> Privileged.call(() -> {
        if (outbox.exists(key)) {
          return null;
        }
        Recipients recipients = resolver.resolve(audience, facts, List.of(), List.of());
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("body", body);
        model.put("bodyLines", Arrays.asList(body.split("\\R")));
        model.put("tasklistUrl", publicBaseUrl + "/camunda/app/tasklist/default/");
        RenderedMail mail = templates.render(MailTemplates.GENERIC_NOTICE, model);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        OutboxMail row = OutboxMail.pending(UUID.randomUUID().toString(), key, Kind.NOTICE, mail.template(), facts,
            null, null, null, null, recipients, mail, List.of(), now);
        if (recipients.addresses().isEmpty()) {
          LOG.warn("Alert \"{}\": nobody of {} has an e-mail address (see the audit trail)", title, audience);
          row = row.skipped(audience.contains(Audience.ADMINISTRATORS) && audience.size() == 1
              ? "Aucun administrateur avec une adresse e-mail" : "Aucun destinataire avec une adresse e-mail");
        }
        outbox.insertIfAbsent(row);
        return null;
      }));
    } catch (RuntimeException e) {
      // the alert is recorded where it was raised; a mail problem must not turn that work into an error
      LOG.error("Alert \"{}\" could not be written to the mail outbox", title, e);
    }
  }
}
