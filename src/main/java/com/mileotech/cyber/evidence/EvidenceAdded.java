package com.mileotech.cyber.evidence;

import com.mileotech.cyber.system.Published;
import java.time.Instant;

/**
 * An evidence item was recorded for a security incident (application event, published after the
 * item and its "captured" ledger entry are written; listeners that act outside should use
 * {@code @TransactionalEventListener}).
 *
 * @param stored true when the server holds the file, false for an item declared by its hash and location
 */
@Published
public record EvidenceAdded(String reference, String clientId, long itemId, String kind, String sha256, boolean stored,
    String capturedBy, Instant capturedAt) {}
