package com.mileotech.cyber.reminder;

import com.mileotech.cyber.system.Published;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A one-off message a process step sends (a new security incident for the referent, a report
 * shared with the client...), as opposed to a deadline's reminders.
 *
 * @param template the template name under templates/mail/ (e.g. {@code incident-reported})
 * @param audience who receives it
 * @param model extra values for the template, beside the process's reference, client and site
 * @param attachments files attached to the mail (e.g. the signed checklist PDF)
 */
@Published
public record Notice(String template, Set<Audience> audience, Map<String, Object> model, List<Attachment> attachments) {

  public Notice {
    audience = Set.copyOf(audience);
    model = model == null ? Map.of() : Map.copyOf(model);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  public static Notice of(String template, Audience... audience) {
    return new Notice(template, Set.of(audience), Map.of(), List.of());
  }

  public Notice with(String key, Object value) {
    java.util.Map<String, Object> m = new java.util.HashMap<>(model);
    m.put(key, value);
    return new Notice(template, audience, m, attachments);
  }

  /** The model key naming the client a notice is for, when not the process's own. */
  public static final String RECIPIENT_CLIENT = "recipientClientId";

  /**
   * The notice goes to {@code clientId}'s RSSI (audience CLIENT_RSSI) rather than the process's
   * client: Mileo's notice to every client its service failed (NIS2 art. 23(1)).
   */
  public Notice toClient(String clientId) {
    return with(RECIPIENT_CLIENT, clientId);
  }

  public Notice attach(Attachment attachment) {
    java.util.List<Attachment> a = new java.util.ArrayList<>(attachments);
    a.add(attachment);
    return new Notice(template, audience, model, a);
  }

  /** A file attached to a mail. */
  public record Attachment(String fileName, String contentType, byte[] content) {}
}
