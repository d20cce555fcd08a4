package com.mileotech.cyber.incident;

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

  static final String DECISION = "recoveryDecision";
  static final String ACCEPT_CLIENT_DATE = "accepter-date-client";
  static final String PROPOSE = "proposer";
  static final String CLIENT_AGREED_OUTSIDE = "accord-client-recueilli";
  static final String DATE_INPUT = "recoveryDateInput";
  static final String CHANNEL_INPUT = "recoveryAgreementChannelInput";
  static final String GIVEN_AT_INPUT = "recoveryAgreementGivenAtInput";
  static final String EVIDENCE_INPUT = "recoveryAgreementEvidenceInput";

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
    String decision = Values.text(execution.getVariable(DECISION));
    Instant clientDate = moments.instant(execution.getVariable("recoveryClientProposalAt"));
    if (ACCEPT_CLIENT_DATE.equals(decision)) {
      if (clientDate == null) {
        throw Refusal.of(REFUSED, "le client n'a proposé aucune date : proposez-en une");
      }
      // the client proposed this date in Tasklist, as themself: that proposal is their agreement
      agreed(execution, clientDate, CLIENT_DATE_ACCEPTED);
      execution.setVariable("recoveryAgreedBy", execution.getVariable("recoveryClientProposedBy"));
      execution.setVariable("recoveryAcceptedBy", manager.userId());
    } else if (CLIENT_AGREED_OUTSIDE.equals(decision)) {
      recordCollectedAgreement(execution, manager);
    } else if (decision == null || PROPOSE.equals(decision)) {
      Instant proposed = futureDate(execution, "date et heure de remise en service obligatoires");
      execution.setVariable("recoveryProposedAt", Moments.date(proposed));
      execution.setVariable("recoveryProposedAtLabel", moments.wordsWithZone(proposed));
      execution.setVariable("recoveryProposedBy", manager.userId());
      execution.setVariable("recoveryDateAgreed", false);
    } else {
      throw Refusal.of(REFUSED, "choisissez : proposer une date au client, ou enregistrer l'accord qu'il a déjà donné");
    }
    execution.removeVariables(List.of(DECISION, DATE_INPUT, CHANNEL_INPUT, GIVEN_AT_INPUT, EVIDENCE_INPUT));
  }

  /**
   * The client agreed by mail or by a call: the project manager records that agreement with the
   * evidence the client gave, as collected by them.
   */
  private void recordCollectedAgreement(DelegateExecution execution, Decider manager) {
    Refusal.Collector problems = Refusal.collect(REFUSED);
    Instant date = null;
    try {
      date = moments.typed(execution, DATE_INPUT);
      problems.require(date != null, "indiquez la date et l'heure de remise en service convenues avec le client");
      problems.require(date == null || date.isAfter(moments.now()),
          "la date de remise en service convenue (" + moments.wordsWithZone(date) + ") doit être dans le futur");
    } catch (IllegalArgumentException e) {
      problems.add("date de remise en service : " + e.getMessage());
    }
    String channel = Values.text(execution.getVariable(CHANNEL_INPUT));
    problems.require(channel != null && CHANNELS.containsKey(channel),
        "indiquez comment le client a donné son accord : par courriel ou par téléphone");
    Instant givenAt = null;
    try {
      givenAt = moments.typed(execution, GIVEN_AT_INPUT);
      Instant detected = moments.instant(execution.getVariable(Variables.DETECTED_AT));
      problems.require(givenAt != null, "indiquez la date et l'heure de l'accord du client");
      problems.require(givenAt == null || !moments.isInFuture(givenAt), "l'accord du client ne peut pas être dans le futur");
      // a time typed to the minute may share the minute of the detection
      problems.require(givenAt == null || detected == null || !givenAt.isBefore(detected.truncatedTo(ChronoUnit.MINUTES)),
          "l'accord du client ne peut pas précéder la détection de l'incident (" + moments.wordsWithZone(detected) + ")");
    } catch (IllegalArgumentException e) {
      problems.add("date de l'accord du client : " + e.getMessage());
    }
    String evidence = Values.text(execution.getVariable(EVIDENCE_INPUT));
    problems.require(evidence != null && evidence.length() >= 10,
        "indiquez la preuve de l'accord du client : la référence de son courriel (expéditeur, date, objet) "
            + "ou le résumé de l'appel (interlocuteur, ce qui a été convenu)");
    problems.throwIfAny();

    Instant now = moments.now();
    agreed(execution, date, COLLECTED_BY_PROJECT_MANAGER);
    execution.setVariable("recoveryAgreementChannel", channel);
    execution.setVariable("recoveryAgreementGivenAt", Moments.date(givenAt));
    execution.setVariable("recoveryAgreementEvidence", evidence);
    execution.setVariable("recoveryAgreementCollectedBy", manager.userId());
    execution.setVariable("recoveryAgreementCollectedAt", Date.from(now));
    execution.setVariable("recoveryAgreementSummary", "Accord du client donné " + CHANNELS.get(channel) + " le "
        + moments.wordsWithZone(givenAt) + ", recueilli par " + owners.displayName(manager.userId())
        + " le " + moments.wordsWithZone(now) + ". Preuve : " + evidence);
  }

  private void agreed(DelegateExecution execution, Instant date, String kind) {
    execution.setVariable("recoveryAgreedAt", Moments.date(date));
    execution.setVariable("recoveryAgreedAtLabel", moments.wordsWithZone(date));
    execution.setVariable("recoveryAgreementKind", kind);
    execution.setVariable("recoveryDateAgreed", true);
  }

  private Instant futureDate(DelegateExecution execution, String missing) {
    Instant proposed;
    try {
      proposed = moments.typed(execution, DATE_INPUT);
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
