package com.mileotech.cyber.reminder.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a received mail the way a mail client shows it: text, HTML, attachments, recipients. */
record MimeParts(String subject, String from, List<String> to, String text, String html,
    Map<String, byte[]> attachments) {

  static MimeParts of(MimeMessage message) {
    try {
      Builder parts = new Builder();
      parts.walk(message);
      return new MimeParts(message.getSubject(),
          ((InternetAddress) message.getFrom()[0]).getAddress(),
          Arrays.stream(message.getAllRecipients()).map(a -> ((InternetAddress) a).getAddress()).sorted().toList(),
          parts.text, parts.html, parts.attachments);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Builder {
    String text;
    String html;
    final Map<String, byte[]> attachments = new LinkedHashMap<>();

    void walk(Part part) throws Exception {
      if (part.getFileName() != null) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        part.getDataHandler().writeTo(bytes);
        attachments.put(part.getFileName(), bytes.toByteArray());
      } else if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          walk(child);
        }
      } else if (part.isMimeType("text/plain")) {
        text = part.getContent().toString().replace("\r\n", "\n");
      } else if (part.isMimeType("text/html")) {
        html = part.getContent().toString().replace("\r\n", "\n");
      }
    }
  }
}
