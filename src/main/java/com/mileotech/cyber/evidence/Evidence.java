package com.mileotech.cyber.evidence;

import com.mileotech.cyber.evidence.EvidenceLedger.Entry;
import com.mileotech.cyber.evidence.EvidenceLedger.Item;
import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.StaffAlert;
import com.mileotech.cyber.system.ApiException;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence items of security incidents and their custody: what each operation checks, what it
 * appends to the item's ledger, and what it tells others. The caller's rights and the incident's
 * visibility are checked by the controller; {@code actor} is always the authenticated caller and
 * every time is the server's clock.
 */
@Service
class Evidence {

  static final int TEXT_LIMIT = 1000;

  /** The incident as the evidence needs it: its client and when it began (the retention's origin). */
  record Incident(String reference, String clientId, Instant startedAt) {}

  /** An item with its ledger and what the ledger says of it now. */
  record View(Item item, List<Entry> ledger, boolean destroyed, boolean underHold, LocalDate holdUntil,
      LocalDate retainUntil, String lastVerification) {}

  private final EvidenceLedger ledger;
  private final EvidenceStore store;
  private final EvidenceProperties properties;
  private final Moments moments;
  private final ApplicationEventPublisher events;

  Evidence(EvidenceLedger ledger, EvidenceStore store, EvidenceProperties properties, Moments moments,
      ApplicationEventPublisher events) {
    this.ledger = ledger;
    this.store = store;
    this.properties = properties;
    this.moments = moments;
    this.events = events;
  }

  /**
   * A file the server receives: streamed into the store, hashed on the way. With an idempotency key
   * already used for this incident, the body is only hashed: the same request again is answered
   * with the item its first attempt recorded, anything else is refused; nothing is written.
   */
  @Transactional
  Captured upload(Incident incident, String kind, String description, String fileName, InputStream content, String actor,
      String idempotencyKey) {
    List<Refusal.Problem> problems = describe(kind, description);
    if (fileName != null && fileName.length() > 255) {
      problems.add(new Refusal.Problem("fileName", "nom de fichier trop long (255 caractères au plus)"));
    }
    checkKey(problems, idempotencyKey);
    if (!problems.isEmpty()) {
      throw Refusal.fields(problems);
    }
    Optional<Item> earlier = idempotencyKey == null ? Optional.empty()
        : ledger.itemByKey(incident.reference(), idempotencyKey);
    if (earlier.isPresent()) {
      EvidenceStore.Stored retried;
      try {
        retried = store.digest(content, properties.maxUploadSize().toBytes());
      } catch (EvidenceStore.TooLarge e) {
        throw tooLarge();
      }
      return replay(earlier.get(), new Request(kind, description, retried.sha256(), null, actor));
    }
    EvidenceStore.Stored stored;
    try {
      stored = store.put(content, properties.maxUploadSize().toBytes());
    } catch (EvidenceStore.TooLarge e) {
      throw tooLarge();
    }
    if (stored.size() == 0) {
      throw Refusal.field("file", "fichier vide : rien n'a été reçu");
    }
    Instant now = moments.now();
    Item item = new Item(0, incident.reference(), kind, description.strip(), stored.sha256(), stored.size(), true, null,
        fileName == null ? null : fileName.strip(), incident.startedAt(), actor, now);
    return capture(incident, item, idempotencyKey);
  }

  /** A large item (memory dump, disk image) the server does not hold: declared by its hash and location. */
  @Transactional
  Captured declare(Incident incident, String kind, String description, String sha256, String location, String actor,
      String idempotencyKey) {
    List<Refusal.Problem> problems = describe(kind, description);
    checkKey(problems, idempotencyKey);
    String hash = sha256 == null ? null : sha256.strip().toLowerCase(java.util.Locale.ROOT);
    if (hash == null || !EvidenceStore.SHA256.matcher(hash).matches()) {
      problems.add(new Refusal.Problem("sha256", "empreinte SHA-256 invalide (64 caractères hexadécimaux attendus)"));
    }
    if (blank(location)) {
      problems.add(new Refusal.Problem("location", "lieu de conservation obligatoire (coffre, chemin, numéro de scellé…)"));
    } else if (location.length() > TEXT_LIMIT) {
      problems.add(new Refusal.Problem("location", "1000 caractères au plus"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.fields(problems);
    }
    if (idempotencyKey != null) {
      Optional<Item> earlier = ledger.itemByKey(incident.reference(), idempotencyKey);
      if (earlier.isPresent()) {
        return replay(earlier.get(), new Request(kind, description, hash, location, actor));
      }
    }
    Item item = new Item(0, incident.reference(), kind, description.strip(), hash, null, false, location.strip(), null,
        incident.startedAt(), actor, moments.now());
    return capture(incident, item, idempotencyKey);
  }

  /** What a request asked to record, to compare a retry with the item its key already holds. */
  record Request(String kind, String description, String sha256, String location, String actor) {}

  /** The item recorded, and whether an earlier attempt of the same request had recorded it already. */
  record Captured(View view, boolean replayed) {}

  /** Another request with the same key recorded its item between our look-up and our insert. */
  static final class KeyTaken extends RuntimeException {
    final transient Request request;

    KeyTaken(Request request) {
      super(null, null, false, false);
      this.request = request;
    }
  }

  /**
   * After a {@link KeyTaken}, in a transaction of its own (the one that lost the race was rolled
   * back): the winner's item if it is the same request, else the refusal.
   */
  @Transactional(readOnly = true)
  Captured afterRace(Incident incident, String idempotencyKey, Request request) {
    Item earlier = ledger.itemByKey(incident.reference(), idempotencyKey).orElseThrow();
    return replay(earlier, request);
  }

  /**
   * A request again under its key: the same caller sending the same item (kind, description,
   * content, location) gets what was recorded; a different request with a used key is refused,
   * as the Idempotency-Key draft of the IETF asks, so that a key reused by mistake never hides an item.
   */
  private Captured replay(Item earlier, Request request) {
    boolean same = earlier.capturedBy().equals(request.actor()) && earlier.kind().equals(request.kind())
        && earlier.description().equals(request.description().strip()) && earlier.sha256().equals(request.sha256())
        && java.util.Objects.equals(earlier.location(), request.location() == null ? null : request.location().strip());
    if (!same) {
      throw Refusal.field(IDEMPOTENCY_KEY, "clé déjà utilisée pour un autre envoi (preuve n° " + earlier.id()
          + ") : rien n'a été enregistré ; chaque nouvelle preuve demande une nouvelle clé");
    }
    return new Captured(view(earlier, ledger.entries(earlier.id())), true);
  }

  /** The header's name, as the refusal names the field. */
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private static void checkKey(List<Refusal.Problem> problems, String key) {
    if (key != null && (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
      problems.add(new Refusal.Problem(IDEMPOTENCY_KEY,
          "clé d'idempotence invalide : 1 à 200 caractères ASCII visibles, sans espace (un UUID par exemple)"));
    }
  }

  private Captured capture(Incident incident, Item item, String idempotencyKey) {
    long id;
    try {
      id = ledger.insertItem(item, idempotencyKey);
    } catch (org.springframework.dao.DuplicateKeyException e) {
      throw new KeyTaken(new Request(item.kind(), item.description(), item.sha256(), item.location(), item.capturedBy()));
    }
    Entry captured = Entry.of(EvidenceLedger.CAPTURED, item.capturedBy(), item.capturedAt());
    captured = new Entry(0, id, captured.event(), captured.actor(), captured.recordedAt(), null, item.capturedBy(),
        item.stored() ? "fichier reçu et haché par le serveur" : "déclarée : " + item.location(), null, null, null, null,
        null);
    ledger.append(id, captured);
    events.publishEvent(new EvidenceAdded(incident.reference(), incident.clientId(), id, item.kind(), item.sha256(),
        item.stored(), item.capturedBy(), item.capturedAt()));
    return new Captured(view(incident.reference(), id), false);
  }

  @Transactional
  View transfer(Incident incident, long id, String from, String to, String reason, String actor) {
    View view = live(incident, id);
    List<Refusal.Problem> problems = new ArrayList<>();
    requireText(problems, "from", from, "indiquez qui remet la preuve");
    requireText(problems, "to", to, "indiquez à qui la preuve est remise");
    requireText(problems, "reason", reason, "indiquez le motif du transfert");
    if (!problems.isEmpty()) {
      throw Refusal.fields(problems);
    }
    ledger.append(id, new Entry(0, id, EvidenceLedger.TRANSFERRED, actor, moments.now(), from.strip(), to.strip(),
        reason.strip(), null, null, null, null, null));
    return view(incident.reference(), view.item().id());
  }

  /** Re-hashes the file where the server holds it; a mismatch alerts the referent. */
  @Transactional
  View verify(Incident incident, long id, String actor) {
    Item item = live(incident, id).item();
    Instant now = moments.now();
    Optional<String> observed = item.stored() ? store.rehash(item.sha256()) : Optional.empty();
    String outcome;
    String reason;
    if (observed.isEmpty()) {
      outcome = EvidenceLedger.NOT_VERIFIABLE;
      reason = item.stored() ? "le fichier n'est plus dans le dépôt de preuves"
          : "preuve déclarée, conservée hors du serveur (" + item.location() + ")";
    } else if (observed.get().equals(item.sha256())) {
      outcome = EvidenceLedger.MATCH;
      reason = "empreinte recalculée par le serveur identique à celle de la capture";
    } else {
      outcome = EvidenceLedger.MISMATCH;
      reason = "empreinte recalculée par le serveur différente de celle de la capture";
    }
    ledger.append(id, new Entry(0, id, EvidenceLedger.VERIFIED, actor, now, null, null, reason, outcome,
        observed.orElse(null), null, null, null));
    if (EvidenceLedger.MISMATCH.equals(outcome)) {
      events.publishEvent(new EvidenceVerificationFailed(incident.reference(), incident.clientId(), id, item.sha256(),
          observed.get(), actor, now));
      events.publishEvent(new StaffAlert("evidence-mismatch:" + id + ":" + observed.get(), Set.of(Audience.CYBER_REFERENT),
          incident.reference(), incident.clientId(),
          "Preuve altérée : incident " + incident.reference() + ", preuve n° " + id,
          "La vérification de la preuve n° " + id + " (" + item.description() + ") de l'incident " + incident.reference()
              + " a échoué le " + moments.wordsWithZone(now) + " (vérification demandée par " + actor + ").\n"
              + "Empreinte SHA-256 à la capture : " + item.sha256() + "\n"
              + "Empreinte SHA-256 recalculée : " + observed.get() + "\n"
              + "Le fichier conservé ne correspond plus à la preuve capturée : isolez le dépôt de preuves, "
              + "consultez le registre de garde de la preuve et le journal d'audit."));
    }
    return view(incident.reference(), id);
  }

  /**
   * A legal hold: the item is kept (and cannot be destroyed) until {@code until}, or until released
   * when no end is given. Video footage kept beyond the one-month purge of CSI L252-5 needs the
   * reference of the judicial procedure or complaint.
   */
  @Transactional
  View hold(Incident incident, long id, String reason, String procedureReference, LocalDate until, String actor) {
    View view = live(incident, id);
    List<Refusal.Problem> problems = new ArrayList<>();
    requireText(problems, "reason", reason, "indiquez le motif de la conservation");
    LocalDate today = LocalDate.ofInstant(moments.now(), moments.zone());
    if (until != null && !until.isAfter(today)) {
      problems.add(new Refusal.Problem("until", "la fin de la conservation doit être postérieure à aujourd'hui"));
    }
    if (procedureReference != null && procedureReference.length() > 200) {
      problems.add(new Refusal.Problem("procedureReference", "200 caractères au plus"));
    }
    boolean video = ItemKind.VIDEO_FOOTAGE.code.equals(view.item().kind());
    LocalDate purge = LocalDate.ofInstant(view.item().capturedAt(), moments.zone()).plus(properties.videoPurge());
    if (video && blank(procedureReference) && (until == null || until.isAfter(purge))) {
      problems.add(new Refusal.Problem("procedureReference", "référence de la procédure judiciaire ou de la plainte "
          + "obligatoire pour conserver un enregistrement vidéo au-delà de la purge d'un mois (CSI L252-5)"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.fields(problems);
    }
    ledger.append(id, new Entry(0, id, EvidenceLedger.HOLD_PLACED, actor, moments.now(), null, null, reason.strip(), null,
        null, blank(procedureReference) ? null : procedureReference.strip(), until, null));
    return view(incident.reference(), id);
  }

  @Transactional
  View release(Incident incident, long id, String reason, String actor) {
    View view = live(incident, id);
    if (!view.underHold()) {
      throw ApiException.conflict("La preuve n° " + id + " n'est pas sous conservation légale");
    }
    List<Refusal.Problem> problems = new ArrayList<>();
    requireText(problems, "reason", reason, "indiquez le motif de la levée (décision de justice, classement…)");
    if (!problems.isEmpty()) {
      throw Refusal.fields(problems);
    }
    ledger.append(id, new Entry(0, id, EvidenceLedger.HOLD_RELEASED, actor, moments.now(), null, null, reason.strip(),
        null, null, null, null, null));
    return view(incident.reference(), id);
  }

  /** Destroys the item (its file, where the server holds it and no other item shares it); refused under a hold. */
  @Transactional
  View destroy(Incident incident, long id, String authorisation, String actor) {
    View view = live(incident, id);
    List<Refusal.Problem> problems = new ArrayList<>();
    requireText(problems, "authorisation", authorisation,
        "indiquez l'autorisation de destruction (décision, référence du procès-verbal…)");
    if (!problems.isEmpty()) {
      throw Refusal.fields(problems);
    }
    if (view.underHold()) {
      throw ApiException.conflict("La preuve n° " + id + " est sous conservation légale"
          + (view.holdUntil() == null ? "" : " jusqu'au " + moments.words(view.holdUntil()))
          + " : levez la conservation avant de la détruire");
    }
    ledger.append(id, new Entry(0, id, EvidenceLedger.DESTROYED, actor, moments.now(), null, null, null, null, null, null,
        null, authorisation.strip()));
    if (view.item().stored() && !ledger.otherHolderOf(view.item().sha256(), id)) {
      store.delete(view.item().sha256());
    }
    return view(incident.reference(), id);
  }

  List<View> list(String reference) {
    return ledger.items(reference).stream().map(item -> view(item, ledger.entries(item.id()))).toList();
  }

  Optional<View> find(String reference, long id) {
    return ledger.item(reference, id).map(item -> view(item, ledger.entries(item.id())));
  }

  private View view(String reference, long id) {
    return find(reference, id).orElseThrow();
  }

  private View live(Incident incident, long id) {
    View view = find(incident.reference(), id)
        .orElseThrow(() -> ApiException.notFound("Preuve inconnue : " + id));
    if (view.destroyed()) {
      throw new ApiException(HttpStatus.GONE, "La preuve n° " + id + " a été détruite");
    }
    return view;
  }

  /** What the ledger says now: destroyed, under hold (and until when), how long the item is kept. */
  private View view(Item item, List<Entry> entries) {
    LocalDate today = LocalDate.ofInstant(moments.now(), moments.zone());
    boolean destroyed = false;
    boolean underHold = false;
    LocalDate holdUntil = null;
    String lastVerification = null;
    for (Entry entry : entries) {
      switch (entry.event()) {
        case EvidenceLedger.DESTROYED -> destroyed = true;
        case EvidenceLedger.HOLD_PLACED -> {
          underHold = true;
          holdUntil = entry.holdUntil();
        }
        case EvidenceLedger.HOLD_RELEASED -> {
          underHold = false;
          holdUntil = null;
        }
        case EvidenceLedger.VERIFIED -> lastVerification = entry.outcome();
        default -> { }
      }
    }
    if (underHold && holdUntil != null && holdUntil.isBefore(today)) {
      underHold = false; // the hold ran its term
    }
    LocalDate retainUntil = LocalDate.ofInstant(item.incidentAt(), moments.zone()).plus(properties.retention());
    if (underHold) {
      retainUntil = holdUntil == null ? null : (holdUntil.isAfter(retainUntil) ? holdUntil : retainUntil);
    }
    return new View(item, entries, destroyed, underHold && !destroyed, holdUntil, retainUntil, lastVerification);
  }

  long maxUploadSize() {
    return properties.maxUploadSize().toBytes();
  }

  ApiException tooLarge() {
    return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "Fichier trop volumineux : le serveur accepte "
        + "des fichiers de " + humanSize(properties.maxUploadSize().toBytes()) + " au plus. Rien n'a été enregistré. Déclarez plutôt "
        + "cette preuve par son empreinte SHA-256 et son lieu de conservation.");
  }

  static String humanSize(long bytes) {
    if (bytes % (1024L * 1024 * 1024) == 0) {
      return bytes / (1024L * 1024 * 1024) + " Go";
    }
    if (bytes % (1024L * 1024) == 0) {
      return bytes / (1024L * 1024) + " Mo";
    }
    if (bytes % 1024 == 0) {
      return bytes / 1024 + " Ko";
    }
    return bytes + " octets";
  }

  private static List<Refusal.Problem> describe(String kind, String description) {
    List<Refusal.Problem> problems = new ArrayList<>();
    if (kind == null || ItemKind.of(kind).isEmpty()) {
      problems.add(new Refusal.Problem("kind", "type de preuve à choisir parmi " + ItemKind.allowed()));
    }
    requireText(problems, "description", description, "description obligatoire");
    return problems;
  }

  private static void requireText(List<Refusal.Problem> problems, String field, String value, String missing) {
    if (blank(value)) {
      problems.add(new Refusal.Problem(field, missing));
    } else if (value.length() > TEXT_LIMIT) {
      problems.add(new Refusal.Problem(field, TEXT_LIMIT + " caractères au plus"));
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
