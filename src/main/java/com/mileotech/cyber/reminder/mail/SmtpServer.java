package com.mileotech.cyber.reminder.mail;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The SMTP server of spring.mail.*, if one is configured. Spring Boot creates a mail sender even
 * for an empty {@code spring.mail.host} (the default here), which would try localhost: an empty
 * host means "not configured", and mails then wait in the outbox.
 */
@Component
class SmtpServer {

  private final ObjectProvider<JavaMailSender> mailSender;
  private final String host;

  SmtpServer(ObjectProvider<JavaMailSender> mailSender, @Value("${spring.mail.host:}") String host) {
    this.mailSender = mailSender;
    this.host = host;
  }

  Optional<JavaMailSender> mailSender() {
    return StringUtils.hasText(host) ? Optional.ofNullable(mailSender.getIfAvailable()) : Optional.empty();
  }

  boolean configured() {
    return mailSender().isPresent();
  }
}
