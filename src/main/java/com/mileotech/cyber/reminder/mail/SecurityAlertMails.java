package com.mileotech.cyber.reminder.mail;

import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.mail.OutboxMail.Kind;
import com.mileotech.cyber.security.SecurityAlert;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * A {@link SecurityAlert} as a mail to every administrator with an address, through the outbox
 * (once per alert key), written after the work that raised it, in a transaction of its own.
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
    String key = "alert:" + alert.key();
    try {
      ownTransaction.executeWithoutResult(status -> Privileged.call(() -> {
        if (outbox.exists(key)) {
          return null;
        }
        Recipients recipients = resolver.resolve(EnumSet.of(Audience.ADMINISTRATORS), NO_PROCESS, List.of(), List.of());
        Map<String, Object> model = new HashMap<>();
        model.put("title", alert.title());
        model.put("body", alert.body());
        model.put("bodyLines", Arrays.asList(alert.body().split("\\R")));
        model.put("tasklistUrl", publicBaseUrl + "/camunda/app/tasklist/default/");
        RenderedMail mail = templates.render(MailTemplates.GENERIC_NOTICE, model);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        OutboxMail row = OutboxMail.pending(UUID.randomUUID().toString(), key, Kind.NOTICE, mail.template(), NO_PROCESS,
            null, null, null, null, recipients, mail, List.of(), now);
        if (recipients.addresses().isEmpty()) {
          LOG.warn("Security alert \"{}\": no administrator has an e-mail address (see the audit trail)", alert.title());
          row = row.skipped("Aucun administrateur avec une adresse e-mail");
        }
        outbox.insertIfAbsent(row);
        return null;
      }));
    } catch (RuntimeException e) {
      // the alert is in the audit trail already; a mail problem must not turn a login into an error
      LOG.error("Security alert \"{}\" could not be written to the mail outbox", alert.title(), e);
    }
  }
}
