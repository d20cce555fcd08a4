package com.mileotech.cyber.evidence;

import com.mileotech.cyber.system.Published;
import java.time.Instant;

/**
 * The server re-hashed an evidence file it holds and found another hash than the one recorded at
 * capture (application event, with the "verified: mismatch" ledger entry).
 */
@Published
public record EvidenceVerificationFailed(String reference, String clientId, long itemId, String expectedSha256,
    String observedSha256, String verifiedBy, Instant verifiedAt) {}
