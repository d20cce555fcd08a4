package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.FormField;
import com.mileotech.cyber.system.FormValues;
import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.system.Limits;
import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la qualification": checks and records what the referent submitted at the first
 * qualification or at a re-qualification (nature, severity, personal data, sites and systems,
 * awareness time), numbers the version, and keeps each version in the register. The variables it
 * sets are the facts the regulatory notifications read. A refusal rolls the task completion back.
 * A site retired since the report may stay among the incident's sites; none can be added.
 */
@Component("recordQualification")
class RecordQualificationDelegate implements JavaDelegate {


  static final String AWARENESS_NOW = "maintenant";
  /**
   * How long before the detection an awareness may be: a report is sometimes written the morning
   * after the facts were known; days before it, the day and month were most likely swapped.
   */
  static final java.time.Duration AWARENESS_BEFORE_DETECTION = java.time.Duration.ofHours(24);
  static final String AWARENESS_EARLIER = "autre";
  static final String AWARENESS_UNCHANGED = "inchangee";

  private final ClientRepository clients;
  private final SecurityIncidentRepository repository;
  private final Actors actors;
  private final Moments moments;
  private final MileoServiceImpact mileoService;

  RecordQualificationDelegate(ClientRepository clients, SecurityIncidentRepository repository, Actors actors,
      Moments moments, MileoServiceImpact mileoService) {
    this.mileoService = mileoService;
    this.clients = clients;
    this.repository = repository;
    this.actors = actors;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Integer previousVersion = QUALIFICATION_VERSION.get(execution);
    boolean requalification = previousVersion != null;
    String what = requalification ? "Requalification refusée" : "Qualification refusée";
    List<String> problems = new ArrayList<>();

    String nature = NATURE.text(execution);
    if (Code.find(Nature.class, nature).isEmpty()) {
      problems.add("nature de l'incident à choisir parmi : " + Code.allowed(Nature.class));
    }
    String severity = SEVERITY.text(execution);
    if (Code.find(Severity.class, severity).isEmpty()) {
      problems.add("gravité à choisir parmi : " + Code.allowed(Severity.class));
    }
    String personalData = PERSONAL_DATA_ANSWER.text(execution);
    if (!"oui".equals(personalData) && !"non".equals(personalData)) {
      problems.add("indiquez si des données personnelles (images de personnes identifiables) sont impliquées");
    }
    String affectedSystems = AFFECTED_SYSTEMS.text(execution);
    if (affectedSystems == null) {
      problems.add("systèmes concernés obligatoires");
    } else if (Limits.textProblem(affectedSystems, Limits.TEXT) != null) {
      problems.add("systèmes concernés : " + Limits.textProblem(affectedSystems, Limits.TEXT));
    }
    Client client = clients.find(CLIENT_ID.get(execution)).orElseThrow();
    List<String> siteIds = SITE_SELECTION.strings(execution);
    List<String> named = FormValues.strings(SITE_IDS.get(execution));
    if (siteIds.isEmpty()) {
      problems.add("au moins un site concerné est obligatoire");
    } else if (siteIds.stream().distinct().count() > Limits.SITES_PER_INCIDENT) {
      problems.add("sites concernés : " + Limits.SITES_PER_INCIDENT + " au plus par incident");
      siteIds = List.of();
    }
    for (String siteId : siteIds) {
      var site = client.site(siteId);
      if (site.isEmpty()) {
        problems.add("site inconnu pour le client " + client.name() + " : " + Limits.quote(siteId));
      } else if (site.get().retired() && !named.contains(siteId)) {
        problems.add("site retiré : « " + site.get().name() + " » ne peut plus être ajouté à un incident");
      }
    }
    Instant awarenessAt = awareness(execution, problems);
    if (!confirmsAwareness(execution)) {
      problems.add("confirmez l'heure de prise de connaissance affichée (elle fait courir les délais légaux)");
    }
    String reason = REQUALIFICATION_REASON.text(execution);
    if (requalification && reason == null) {
      problems.add("motif de la requalification obligatoire (quels faits nouveaux ?)");
    } else if (Limits.textProblem(reason, Limits.TEXT) != null) {
      problems.add("motif de la requalification : " + Limits.textProblem(reason, Limits.TEXT));
    }
    if (!problems.isEmpty()) {
      throw Refusal.of(what, problems);
    }

    Instant now = moments.now();
    int version = requalification ? previousVersion + 1 : 1;
    String user = actors.current();
    List<Client.Site> sites = siteIds.stream().distinct().map(id -> client.site(id).orElseThrow()).toList();
    String siteIdText = sites.stream().map(Client.Site::id).collect(Collectors.joining(","));
    boolean personal = "oui".equals(personalData);

    PERSONAL_DATA_INVOLVED.set(execution, personal);
    // what people read: labels, never the codes
    NATURE_LABEL.set(execution, Code.find(Nature.class, nature).map(Code::label).orElse(nature));
    SEVERITY_LABEL.set(execution, Code.find(Severity.class, severity).map(Code::label).orElse(severity));
    AWARENESS_AT.set(execution, Moments.date(awarenessAt));
    AWARENESS_AT_LABEL.set(execution, moments.wordsWithZone(awarenessAt));
    AFFECTED_SYSTEMS.set(execution, affectedSystems);
    SITE_IDS.set(execution, siteIdText);
    SITES.set(execution, sites.stream().map(Client.Site::name).collect(Collectors.joining(", ")));
    SITE_NAME.set(execution, sites.get(0).name());
    SITE_SELECTION.set(execution, FormValues.json(sites.stream().map(Client.Site::id).toList()));
    QUALIFIED_AT.set(execution, Moments.date(now));
    QUALIFIED_BY.set(execution, user);
    QUALIFICATION_VERSION.set(execution, version);
    if (requalification) {
      REQUALIFIED_AT.set(execution, Moments.date(now));
    }
    // inputs of this form only: the next re-qualification starts from a clean form
    FormField.removeAll(execution, AWARENESS_CHOICE, AWARENESS_INPUT, AWARENESS_CONFIRMED, REQUALIFICATION_REASON);

    repository.recordQualification(REFERENCE.get(execution), version, nature, severity,
        personal, awarenessAt, siteIdText, affectedSystems, reason, now, user);
    // issue 18, Mileo's own duties: the block « Service de Mileo » of the form (MileoServiceImpact)
    mileoService.record(execution, what);
  }

  /**
   * The form's confirmation is a radio whose one option is what it confirms (the choice, the time
   * as typed, its occurrence): changing any of them clears it in the form, and a confirmation of
   * other values than those submitted is no confirmation. An API caller may confirm with true.
   */
  static boolean confirmsAwareness(VariableScope execution) {
    Object confirmation = AWARENESS_CONFIRMED.get(execution);
    if (Boolean.TRUE.equals(confirmation) || "true".equals(confirmation)) {
      return true;
    }
    return confirmation instanceof String text && text.equals(awarenessStamp(execution));
  }

  /** What the form's confirmation option carries (see incident-qualification.form). */
  static String awarenessStamp(VariableScope execution) {
    Object choice = AWARENESS_CHOICE.get(execution);
    if (!AWARENESS_EARLIER.equals(choice)) {
      return choice == null ? "" : choice.toString();
    }
    Object input = AWARENESS_INPUT.get(execution);
    Object occurrence = AWARENESS_INPUT.occurrence(execution);
    return "autre " + (input == null ? "" : input) + " " + (occurrence == null ? "" : occurrence);
  }

  private Instant awareness(DelegateExecution execution, List<String> problems) {
    String choice = AWARENESS_CHOICE.text(execution);
    Instant previous = AWARENESS_AT.instant(execution);
    if (AWARENESS_NOW.equals(choice)) {
      return moments.now();
    }
    if (AWARENESS_UNCHANGED.equals(choice)) {
      if (previous == null) {
        problems.add("aucune prise de connaissance n'est encore enregistrée : choisissez « maintenant » ou une date");
      }
      return previous;
    }
    if (!AWARENESS_EARLIER.equals(choice)) {
      problems.add("indiquez quand vous avez pris connaissance de l'incident");
      return null;
    }
    Instant given;
    try {
      given = AWARENESS_INPUT.instant(execution, moments);
    } catch (IllegalArgumentException e) {
      problems.add("prise de connaissance : " + e.getMessage());
      return null;
    }
    if (given == null) {
      problems.add("date et heure de prise de connaissance obligatoires");
      return null;
    }
    if (moments.isInFuture(given)) {
      problems.add("la prise de connaissance ne peut pas être dans le futur (" + moments.wordsWithZone(given) + ")");
    }
    Instant detected = DETECTED_AT.instant(execution);
    if (detected != null && given.isBefore(detected.minus(AWARENESS_BEFORE_DETECTION))) {
      problems.add("la prise de connaissance (" + moments.wordsWithZone(given) + ") précéderait de plus de 24 heures "
          + "la détection (" + moments.wordsWithZone(detected) + ") : vérifiez le jour, le mois et l'heure");
    }
    Instant began = BEGAN_AT.instant(execution);
    if (began != null && given.isBefore(began)) {
      problems.add("la prise de connaissance (" + moments.wordsWithZone(given)
          + ") ne peut pas précéder le début de l'incident (" + moments.wordsWithZone(began) + ")");
    }
    return given;
  }
}
