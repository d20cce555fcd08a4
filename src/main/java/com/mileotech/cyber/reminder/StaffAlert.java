package com.mileotech.cyber.reminder;

import com.mileotech.cyber.system.Published;
import java.util.Set;

/**
 * Something Mileo's staff must hear of at once, outside any process step (published as an
 * application event; the mail outbox mails it once per key, after the work that raised it commits).
 *
 * @param key the same key is mailed once (idempotent)
 * @param audience who receives it (roles of Mileo; client audiences need the client id)
 * @param reference the security incident's reference, shown in the mail, or null
 * @param clientId the incident's client, or null
 * @param title the mail's title, in French
 * @param body what happened and what to do, in French
 */
@Published
public record StaffAlert(String key, Set<Audience> audience, String reference, String clientId, String title, String body) {

  public StaffAlert {
    audience = Set.copyOf(audience);
  }
}
