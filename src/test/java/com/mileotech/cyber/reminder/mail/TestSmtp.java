package com.mileotech.cyber.reminder.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * GreenMail as a real SMTP server on a fixed free port, which a test can stop ("SMTP down") and
 * start again on the same port; and a mail sender pointed at it, handed to the outbox sender per
 * round (the shared Spring context keeps spring.mail.host empty). Public: other features' scenario
 * tests read their mails with it.
 */
public final class TestSmtp implements AutoCloseable {

  private final int port;
  private GreenMail server;
  private final JavaMailSenderImpl mailSender = new JavaMailSenderImpl();

  public TestSmtp() {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    mailSender.setHost("127.0.0.1");
    mailSender.setPort(port);
    mailSender.setDefaultEncoding("UTF-8");
    Properties properties = new Properties();
    properties.put("mail.smtp.connectiontimeout", "30000"); // bounds only: a loaded machine is slow, not broken
    properties.put("mail.smtp.timeout", "60000");
    mailSender.setJavaMailProperties(properties);
    start();
  }

  public JavaMailSenderImpl mailSender() {
    return mailSender;
  }

  public void start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
  }

  public void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** Every message received since the server started, whatever process it is about. */
  public List<MimeMessage> received() {
    return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
  }

  /** The messages carrying one of these outbox ids (other tests' mails may be delivered too). */
  public List<MimeMessage> receivedFor(List<String> outboxIds) {
    return received().stream().filter(m -> outboxIds.contains(outboxId(m))).toList();
  }

  /** What one mailbox received, among the given outbox mails. */
  public List<MimeMessage> inbox(String address, List<String> outboxIds) {
    return server == null ? List.of()
        : server.findReceivedMessages(u -> address.equalsIgnoreCase(u.getEmail()), m -> outboxIds.contains(outboxId(m)))
            .toList();
  }

  public static String outboxId(MimeMessage message) {
    try {
      return message.getHeader(OutboxSender.OUTBOX_ID_HEADER, null);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
