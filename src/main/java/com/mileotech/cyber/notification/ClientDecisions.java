package com.mileotech.cyber.notification;

import com.mileotech.cyber.security.DecisionOwners;
import com.mileotech.cyber.security.DecisionOwners.Decider;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.Refusal;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The client is the controller (GDPR art. 33, 34) and the regulated entity (NIS2, LPM): filing
 * with the CNIL or the ANSSI, deciding that a breach needs no notification, deciding to tell the
 * persons concerned are the client's acts. Who may record them:
 *
 * <ul>
 *   <li>a client RSSI of the notification's own client, as themself: the act is theirs;
 *   <li>for a filing or a decision the client made elsewhere, the cybersecurity referent, who
 *       records it <em>as the client's</em> ({@code filedBy} null, {@code recordedBy} the referent);
 *   <li>"notification not required" only the client RSSI: whether a breach is unlikely to result in
 *       a risk is the controller's own judgement, which Mileo cannot record on its word.
 * </ul>
 *
 * Anyone else — an administrator too — is refused, naming who may decide.
 */
@Component
class ClientDecisions {

  private final DecisionOwners owners;

  ClientDecisions(DecisionOwners owners) {
    this.owners = owners;
  }

  /**
   * Who recorded a client's act, and who made it: the client RSSI themself ({@code madeBy} = them),
   * or the referent recording the client's act ({@code madeBy} null: "le client").
   */
  record Act(String recordedBy, String madeBy) {

    boolean recordedForTheClient() {
      return madeBy == null;
    }
  }

  /** A filing (or a decision to tell the persons): the client's RSSI, or the referent recording it for the client. */
  Act requireClientOrReferent(VariableScope scope, String what, String act) {
    Decider decider = owners.current(what);
    if (owners.isClientRssiOf(decider, clientId(scope))) {
      return new Act(decider.userId(), decider.userId());
    }
    if (decider.isIn(Groups.CYBER_REFERENT)) {
      return new Act(decider.userId(), null);
    }
    throw Refusal.of(what, "seul le RSSI du client" + clientName(scope) + " " + act
        + " ; le référent cybersécurité peut enregistrer ce que le client a fait lui-même");
  }

  /** A decision only the client takes in Tasklist itself. */
  Act requireClient(VariableScope scope, String what, String act) {
    Decider decider = owners.current(what);
    if (!owners.isClientRssiOf(decider, clientId(scope))) {
      throw Refusal.of(what, "seul le RSSI du client" + clientName(scope) + ", responsable du traitement, " + act);
    }
    return new Act(decider.userId(), decider.userId());
  }

  private static String clientId(VariableScope scope) {
    return NotificationVariables.CLIENT_ID.get(scope);
  }

  private static String clientName(VariableScope scope) {
    Object name = NotificationVariables.CLIENT_NAME.get(scope);
    return name == null ? "" : " « " + name + " »";
  }
}
