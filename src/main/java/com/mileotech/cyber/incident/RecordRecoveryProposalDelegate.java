package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.FormField;
import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.security.DecisionOwners;
import com.mileotech.cyber.security.DecisionOwners.Decider;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la date proposée": a project manager (only) proposes a return-to-service date to
 * the client, accepts the date the client RSSI proposed instead, or records that the client
 * already agreed to a date outside Tasklist — by mail or by a call, with that evidence. The last
 * is recorded as an agreement <em>collected</em> by the project manager (who, when, how, the
 * evidence), never as the client's own: {@code recoveryAgreedBy} is only ever a client RSSI who
 * answered in Tasklist. Either agreement skips "Valider la date de remise en service"
 * ({@code recoveryDateAgreed}).
 */
@Component("recordRecoveryProposal")
class RecordRecoveryProposalDelegate implements JavaDelegate {

  static final String ACCEPT_CLIENT_DATE = "accepter-date-client";
  static final String PROPOSE = "proposer";
  static final String CLIENT_AGREED_OUTSIDE = "accord-client-recueilli";

  /** How the client gave its agreement outside Tasklist, with the words the record uses. */
  static final Map<String, String> CHANNELS = Map.of(
      "courriel", "par courriel",
      "appel", "par téléphone");

  /** What kind of agreement the record holds ({@code recoveryAgreementKind}). */
  static final String AGREED_BY_CLIENT = "accord-du-client";
  static final String CLIENT_DATE_ACCEPTED = "date-proposee-par-le-client";
  static final String COLLECTED_BY_PROJECT_MANAGER = "accord-recueilli-par-le-chef-de-projet";

  private static final String REFUSED = "Proposition refusée";

  private final DecisionOwners owners;
  private final Moments moments;

  RecordRecoveryProposalDelegate(DecisionOwners owners, Moments moments) {
    this.owners = owners;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Decider manager = owners.requireMember(REFUSED, Groups.PROJECT_MANAGERS,
        "seul un chef de projet peut proposer la date de remise en service ou enregistrer l'accord du client ; "
            + "le client donne lui-même son accord dans « Valider la date de remise en service »");
    String decision = RECOVERY_DECISION.text(execution);
    Instant clientDate = RECOVERY_CLIENT_PROPOSAL_AT.instant(execution);
    if (ACCEPT_CLIENT_DATE.equals(decision)) {
      if (clientDate == null) {
        throw Refusal.of(REFUSED, "le client n'a proposé aucune date : proposez-en une");
      }
      // the client proposed this date in Tasklist, as themself: that proposal is their agreement
      agreed(execution, clientDate, CLIENT_DATE_ACCEPTED);
      RECOVERY_AGREED_BY.set(execution, RECOVERY_CLIENT_PROPOSED_BY.get(execution));
      RECOVERY_ACCEPTED_BY.set(execution, manager.userId());
    } else if (CLIENT_AGREED_OUTSIDE.equals(decision)) {
      recordCollectedAgreement(execution, manager);
    } else if (decision == null || PROPOSE.equals(decision)) {
      Instant proposed = futureDate(execution, "date et heure de remise en service obligatoires");
      RECOVERY_PROPOSED_AT.set(execution, Moments.date(proposed));
      RECOVERY_PROPOSED_AT_LABEL.set(execution, moments.wordsWithZone(proposed));
      RECOVERY_PROPOSED_BY.set(execution, manager.userId());
      RECOVERY_DATE_AGREED.set(execution, false);
    } else {
      throw Refusal.of(REFUSED, "choisissez : proposer une date au client, ou enregistrer l'accord qu'il a déjà donné");
    }
    FormField.removeAll(execution, RECOVERY_DECISION, RECOVERY_DATE_INPUT, RECOVERY_AGREEMENT_CHANNEL_INPUT, RECOVERY_AGREEMENT_GIVEN_AT_INPUT, RECOVERY_AGREEMENT_EVIDENCE_INPUT);
  }

  /**
   * The client agreed by mail or by a call: the project manager records that agreement with the
   * evidence the client gave, as collected by them.
   */
  private void recordCollectedAgreement(DelegateExecution execution, Decider manager) {
    Refusal.Collector problems = Refusal.collect(REFUSED);
    Instant date = null;
    try {
      date = RECOVERY_DATE_INPUT.instant(execution, moments);
      problems.require(date != null, "indiquez la date et l'heure de remise en service convenues avec le client");
      problems.require(date == null || date.isAfter(moments.now()),
          "la date de remise en service convenue (" + moments.wordsWithZone(date) + ") doit être dans le futur");
    } catch (IllegalArgumentException e) {
      problems.add("date de remise en service : " + e.getMessage());
    }
    String channel = RECOVERY_AGREEMENT_CHANNEL_INPUT.text(execution);
    problems.require(channel != null && CHANNELS.containsKey(channel),
        "indiquez comment le client a donné son accord : par courriel ou par téléphone");
    Instant givenAt = null;
    try {
      givenAt = RECOVERY_AGREEMENT_GIVEN_AT_INPUT.instant(execution, moments);
      Instant detected = DETECTED_AT.instant(execution);
      problems.require(givenAt != null, "indiquez la date et l'heure de l'accord du client");
      problems.require(givenAt == null || !moments.isInFuture(givenAt), "l'accord du client ne peut pas être dans le futur");
      // a time typed to the minute may share the minute of the detection
      problems.require(givenAt == null || detected == null || !givenAt.isBefore(detected.truncatedTo(ChronoUnit.MINUTES)),
          "l'accord du client ne peut pas précéder la détection de l'incident (" + moments.wordsWithZone(detected) + ")");
    } catch (IllegalArgumentException e) {
      problems.add("date de l'accord du client : " + e.getMessage());
    }
    String evidence = RECOVERY_AGREEMENT_EVIDENCE_INPUT.text(execution);
    problems.require(evidence != null && evidence.length() >= 10,
        "indiquez la preuve de l'accord du client : la référence de son courriel (expéditeur, date, objet) "
            + "ou le résumé de l'appel (interlocuteur, ce qui a été convenu)");
    problems.throwIfAny();

    Instant now = moments.now();
    agreed(execution, date, COLLECTED_BY_PROJECT_MANAGER);
    RECOVERY_AGREEMENT_CHANNEL.set(execution, channel);
    RECOVERY_AGREEMENT_GIVEN_AT.set(execution, Moments.date(givenAt));
    RECOVERY_AGREEMENT_EVIDENCE.set(execution, evidence);
    RECOVERY_AGREEMENT_COLLECTED_BY.set(execution, manager.userId());
    RECOVERY_AGREEMENT_COLLECTED_AT.set(execution, Date.from(now));
    RECOVERY_AGREEMENT_SUMMARY.set(execution, "Accord du client donné " + CHANNELS.get(channel) + " le "
        + moments.wordsWithZone(givenAt) + ", recueilli par " + owners.displayName(manager.userId())
        + " le " + moments.wordsWithZone(now) + ". Preuve : " + evidence);
  }

  private void agreed(DelegateExecution execution, Instant date, String kind) {
    RECOVERY_AGREED_AT.set(execution, Moments.date(date));
    RECOVERY_AGREED_AT_LABEL.set(execution, moments.wordsWithZone(date));
    RECOVERY_AGREEMENT_KIND.set(execution, kind);
    RECOVERY_DATE_AGREED.set(execution, true);
  }

  private Instant futureDate(DelegateExecution execution, String missing) {
    Instant proposed;
    try {
      proposed = RECOVERY_DATE_INPUT.instant(execution, moments);
    } catch (IllegalArgumentException e) {
      throw Refusal.of(REFUSED, List.of("date de remise en service : " + e.getMessage()));
    }
    if (proposed == null) {
      throw Refusal.of(REFUSED, List.of(missing));
    }
    if (!proposed.isAfter(moments.now())) {
      throw Refusal.of(REFUSED, List.of("la date de remise en service proposée ("
          + moments.wordsWithZone(proposed) + ") doit être dans le futur"));
    }
    return proposed;
  }
}
