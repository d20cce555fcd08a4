package com.mileotech.cyber.evidence;

import com.mileotech.cyber.system.Published;
import org.springframework.stereotype.Component;

/** What other features may ask of an incident's evidence register (e.g. the evidence task's completion). */
@Published
@Component
public class EvidenceRegister {

  /** The code of video footage, the kind a legal hold past the one-month purge (CSI L252-5) concerns. */
  public static final String VIDEO_FOOTAGE = ItemKind.VIDEO_FOOTAGE.code;

  private final EvidenceLedger ledger;

  EvidenceRegister(EvidenceLedger ledger) {
    this.ledger = ledger;
  }

  /** The items recorded for the incident and not destroyed. */
  public long itemsCaptured(String reference) {
    return ledger.countCaptured(reference, null);
  }

  /** Whether an item of this kind (not destroyed) is recorded for the incident. */
  public boolean hasItemOfKind(String reference, String kind) {
    return ledger.countCaptured(reference, kind) > 0;
  }
}
