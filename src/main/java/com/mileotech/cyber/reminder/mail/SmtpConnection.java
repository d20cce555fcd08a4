package com.mileotech.cyber.reminder.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection for a delivery round, sending one mail at a time: {@link #send} returns
 * once the server has accepted that mail (its answer to the mail's data), so the caller can
 * record it as sent before the next one goes. Spring's {@code send(MimeMessage...)} shares a
 * connection too, but answers only once the whole round is through, which left every mail of a
 * round in doubt after a crash.
 */
final class SmtpConnection implements AutoCloseable {

  private final JavaMailSender mailSender;
  /** The open transport; null for a sender that is not Spring's JavaMail one (then one connection per mail). */
  private final Transport transport;
  private final JavaMailSenderImpl server;

  private SmtpConnection(JavaMailSender mailSender, JavaMailSenderImpl server, Transport transport) {
    this.mailSender = mailSender;
    this.server = server;
    this.transport = transport;
  }

  /** Connects (and authenticates) to the server of {@code mailSender}. */
  static SmtpConnection open(JavaMailSender mailSender) throws MessagingException {
    if (!(mailSender instanceof JavaMailSenderImpl server)) {
      return new SmtpConnection(mailSender, null, null);
    }
    // as Spring does: the sender's protocol, else the session's, else SMTP
    String protocol = server.getProtocol();
    if (protocol == null) {
      protocol = server.getSession().getProperty("mail.transport.protocol");
    }
    Transport transport = server.getSession().getTransport(protocol != null ? protocol : "smtp");
    SmtpConnection connection = new SmtpConnection(mailSender, server, transport);
    connection.connect();
    return connection;
  }

  /** Sends one mail; returns when the server accepted it, throws when it refused it or the connection failed. */
  void send(MimeMessage message) throws MessagingException {
    if (transport == null) {
      mailSender.send(message);
      return;
    }
    if (message.getSentDate() == null) {
      message.setSentDate(new Date());
    }
    String messageId = message.getMessageID();
    message.saveChanges();
    if (messageId != null) {
      message.setHeader("Message-ID", messageId); // saveChanges made a new one
    }
    Address[] recipients = message.getAllRecipients();
    transport.sendMessage(message, recipients != null ? recipients : new Address[0]);
  }

  /**
   * After a failed mail: whether the next can go over this connection, reconnecting once if the
   * server dropped it.
   */
  boolean usable() {
    if (transport == null || transport.isConnected()) {
      return true;
    }
    try {
      connect();
      return true;
    } catch (MessagingException e) {
      return false;
    }
  }

  private void connect() throws MessagingException {
    String username = server.getUsername();
    String password = server.getPassword();
    if ("".equals(username)) { // as Spring does: no authentication
      username = null;
      if ("".equals(password)) {
        password = null;
      }
    }
    transport.connect(server.getHost(), server.getPort(), username, password);
  }

  @Override
  public void close() {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException ignored) {
        // the mails are sent (or not) already: nothing depends on a clean QUIT
      }
    }
  }
}
