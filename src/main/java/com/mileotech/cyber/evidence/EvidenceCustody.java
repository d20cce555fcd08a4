package com.mileotech.cyber.evidence;

import com.mileotech.cyber.system.Published;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What other features may read of an incident's evidence register, in French words: each item
 * with its hash and its custody ledger, for a document (the incident file). Reads only.
 */
@Published
@Component
public class EvidenceCustody {

  /**
   * One item. {@code heldByServer}: the server keeps the file (else {@code location} says where it
   * is); {@code state}: "détruite", "sous gel juridique" or "conservée"; {@code lastVerification}
   * in words, null when never verified.
   */
  public record Item(long id, String kind, String description, String sha256, Long sizeBytes, boolean heldByServer,
      String location, String fileName, String capturedBy, Instant capturedAt, String state, LocalDate retainUntil,
      String lastVerification, List<Event> ledger) {}

  /**
   * One ledger entry: the event in words, who (user id), when, the holders it moved between (a
   * user id or a free text such as a laboratory; null when not a move), and its other details in words.
   */
  public record Event(String event, String actor, Instant at, String fromHolder, String toHolder, String details) {}

  private static final Map<String, String> EVENTS = Map.of(
      EvidenceLedger.CAPTURED, "Saisie", EvidenceLedger.TRANSFERRED, "Transfert",
      EvidenceLedger.VERIFIED, "Vérification", EvidenceLedger.HOLD_PLACED, "Gel juridique posé",
      EvidenceLedger.HOLD_RELEASED, "Gel juridique levé", EvidenceLedger.DESTROYED, "Destruction");

  private static final Map<String, String> OUTCOMES = Map.of(
      EvidenceLedger.MATCH, "empreinte conforme", EvidenceLedger.MISMATCH, "empreinte NON conforme",
      EvidenceLedger.NOT_VERIFIABLE, "non vérifiable (fichier non conservé par le serveur)");

  private final Evidence evidence;

  EvidenceCustody(Evidence evidence) {
    this.evidence = evidence;
  }

  /** The items of the incident, destroyed ones included, in the order they were captured. */
  public List<Item> of(String reference) {
    return evidence.list(reference).stream().map(EvidenceCustody::item).toList();
  }

  private static Item item(Evidence.View view) {
    EvidenceLedger.Item i = view.item();
    String state = view.destroyed() ? "détruite" : view.underHold() ? "sous gel juridique" : "conservée";
    return new Item(i.id(), ItemKind.of(i.kind()).map(k -> k.label).orElse(i.kind()), i.description(), i.sha256(),
        i.sizeBytes(), i.stored(), i.location(), i.fileName(), i.capturedBy(), i.capturedAt(), state,
        view.retainUntil(), view.lastVerification() == null ? null
            : OUTCOMES.getOrDefault(view.lastVerification(), view.lastVerification()),
        view.ledger().stream().map(EvidenceCustody::event).toList());
  }

  private static Event event(EvidenceLedger.Entry e) {
    List<String> details = new ArrayList<>();
    if (e.outcome() != null) {
      details.add(OUTCOMES.getOrDefault(e.outcome(), e.outcome()));
    }
    if (e.observedSha256() != null) {
      details.add("empreinte constatée " + e.observedSha256());
    }
    if (e.procedureReference() != null) {
      details.add("procédure " + e.procedureReference());
    }
    if (e.holdUntil() != null) {
      details.add("jusqu'au " + com.mileotech.cyber.system.Moments.typedText(e.holdUntil()));
    }
    if (e.authorisation() != null) {
      details.add("autorisation : " + e.authorisation());
    }
    if (e.reason() != null) {
      details.add("motif : " + e.reason());
    }
    return new Event(EVENTS.getOrDefault(e.event(), e.event()), e.actor(), e.recordedAt(), e.fromHolder(),
        e.toHolder(), String.join(" ; ", details.stream().map(String::trim).toList()));
  }
}
