package com.mileotech.cyber.incident;

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

  static final String PERSONAL_DATA_ANSWER = "personalDataAnswer";
  static final String AWARENESS_CHOICE = "awarenessChoice";
  static final String AWARENESS_INPUT = "awarenessInput";
  static final String AWARENESS_CONFIRMED = "awarenessConfirmed";
  static final String REQUALIFICATION_REASON = "requalificationReason";

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

  RecordQualificationDelegate(ClientRepository clients, SecurityIncidentRepository repository, Actors actors,
      Moments moments) {
    this.clients = clients;
    this.repository = repository;
    this.actors = actors;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Integer previousVersion = (Integer) execution.getVariable(Variables.QUALIFICATION_VERSION);
    boolean requalification = previousVersion != null;
    String what = requalification ? "Requalification refusée" : "Qualification refusée";
    List<String> problems = new ArrayList<>();

    String nature = Values.text(execution.getVariable(Variables.NATURE));
    if (Code.find(Nature.class, nature).isEmpty()) {
      problems.add("nature de l'incident à choisir parmi : " + Code.allowed(Nature.class));
    }
    String severity = Values.text(execution.getVariable(Variables.SEVERITY));
    if (Code.find(Severity.class, severity).isEmpty()) {
      problems.add("gravité à choisir parmi : " + Code.allowed(Severity.class));
    }
    String personalData = Values.text(execution.getVariable(PERSONAL_DATA_ANSWER));
    if (!"oui".equals(personalData) && !"non".equals(personalData)) {
      problems.add("indiquez si des données personnelles (images de personnes identifiables) sont impliquées");
    }
    String affectedSystems = Values.text(execution.getVariable(Variables.AFFECTED_SYSTEMS));
    if (affectedSystems == null) {
      problems.add("systèmes concernés obligatoires");
    } else if (Limits.textProblem(affectedSystems, Limits.TEXT) != null) {
      problems.add("systèmes concernés : " + Limits.textProblem(affectedSystems, Limits.TEXT));
    }
    Client client = clients.find((String) execution.getVariable(Variables.CLIENT_ID)).orElseThrow();
    List<String> siteIds = Values.strings(execution.getVariable(Variables.SITE_SELECTION));
    List<String> named = Values.strings(execution.getVariable(Variables.SITE_IDS));
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
    String reason = Values.text(execution.getVariable(REQUALIFICATION_REASON));
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

    execution.setVariable(Variables.PERSONAL_DATA_INVOLVED, personal);
    // what people read: labels, never the codes
    execution.setVariable(Variables.NATURE_LABEL, Code.find(Nature.class, nature).map(Code::label).orElse(nature));
    execution.setVariable(Variables.SEVERITY_LABEL, Code.find(Severity.class, severity).map(Code::label).orElse(severity));
    execution.setVariable(Variables.AWARENESS_AT, Moments.date(awarenessAt));
    execution.setVariable(Variables.AWARENESS_AT_LABEL, moments.wordsWithZone(awarenessAt));
    execution.setVariable(Variables.AFFECTED_SYSTEMS, affectedSystems);
    execution.setVariable(Variables.SITE_IDS, siteIdText);
    execution.setVariable(Variables.SITES, sites.stream().map(Client.Site::name).collect(Collectors.joining(", ")));
    execution.setVariable(Variables.SITE_NAME, sites.get(0).name());
    execution.setVariable(Variables.SITE_SELECTION, Values.json(sites.stream().map(Client.Site::id).toList()));
    execution.setVariable(Variables.QUALIFIED_AT, Moments.date(now));
    execution.setVariable(Variables.QUALIFIED_BY, user);
    execution.setVariable(Variables.QUALIFICATION_VERSION, version);
    if (requalification) {
      execution.setVariable(Variables.REQUALIFIED_AT, Moments.date(now));
    }
    // inputs of this form only: the next re-qualification starts from a clean form
    execution.removeVariables(List.of(AWARENESS_CHOICE, AWARENESS_INPUT, AWARENESS_INPUT + Moments.OCCURRENCE_SUFFIX,
        AWARENESS_CONFIRMED, REQUALIFICATION_REASON));

    repository.recordQualification((String) execution.getVariable(Variables.REFERENCE), version, nature, severity,
        personal, awarenessAt, siteIdText, affectedSystems, reason, now, user);
  }

  /**
   * The form's confirmation is a radio whose one option is what it confirms (the choice, the time
   * as typed, its occurrence): changing any of them clears it in the form, and a confirmation of
   * other values than those submitted is no confirmation. An API caller may confirm with true.
   */
  static boolean confirmsAwareness(VariableScope execution) {
    Object confirmation = execution.getVariable(AWARENESS_CONFIRMED);
    if (Boolean.TRUE.equals(confirmation) || "true".equals(confirmation)) {
      return true;
    }
    return confirmation instanceof String text && text.equals(awarenessStamp(execution));
  }

  /** What the form's confirmation option carries (see incident-qualification.form). */
  static String awarenessStamp(VariableScope execution) {
    Object choice = execution.getVariable(AWARENESS_CHOICE);
    if (!AWARENESS_EARLIER.equals(choice)) {
      return choice == null ? "" : choice.toString();
    }
    Object input = execution.getVariable(AWARENESS_INPUT);
    Object occurrence = execution.getVariable(AWARENESS_INPUT + Moments.OCCURRENCE_SUFFIX);
    return "autre " + (input == null ? "" : input) + " " + (occurrence == null ? "" : occurrence);
  }

  private Instant awareness(DelegateExecution execution, List<String> problems) {
    String choice = Values.text(execution.getVariable(AWARENESS_CHOICE));
    Instant previous = moments.instant(execution.getVariable(Variables.AWARENESS_AT));
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
      given = moments.typed(execution, AWARENESS_INPUT);
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
    Instant detected = moments.instant(execution.getVariable(Variables.DETECTED_AT));
    if (detected != null && given.isBefore(detected.minus(AWARENESS_BEFORE_DETECTION))) {
      problems.add("la prise de connaissance (" + moments.wordsWithZone(given) + ") précéderait de plus de 24 heures "
          + "la détection (" + moments.wordsWithZone(detected) + ") : vérifiez le jour, le mois et l'heure");
    }
    Instant began = moments.instant(execution.getVariable(Variables.BEGAN_AT));
    if (began != null && given.isBefore(began)) {
      problems.add("la prise de connaissance (" + moments.wordsWithZone(given)
          + ") ne peut pas précéder le début de l'incident (" + moments.wordsWithZone(began) + ")");
    }
    return given;
  }
}
