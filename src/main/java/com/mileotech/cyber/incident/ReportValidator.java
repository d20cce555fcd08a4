package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Limits;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.system.Refusal.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The checks every report of a suspicion passes, whatever its entry point, each naming its field:
 * limits first (docs/limits.md), nothing is looked up in the registry for a value that cannot be
 * one. A retired site takes no new report, except the follow-up of an incident that named it.
 */
@Component
class ReportValidator {

  static final int DESCRIPTION_MAX = 4000;
  static final int EQUIPMENT_MAX = 500;
  static final int ALERT_ID_MAX = 200;

  private final ClientRepository clients;
  private final Moments moments;

  ReportValidator(ClientRepository clients, Moments moments) {
    this.clients = clients;
    this.moments = moments;
  }

  /** The problems found, empty when the report may start a security incident. */
  List<Problem> validate(SecurityIncidentReport report) {
    List<Problem> errors = new ArrayList<>();
    Optional<Client> client = Optional.empty();
    String clientProblem = Limits.idProblem(report.clientId());
    if (report.clientId() == null || report.clientId().isBlank()) {
      errors.add(new Problem("clientId", "client obligatoire"));
    } else if (clientProblem != null) {
      errors.add(new Problem("clientId", clientProblem));
    } else {
      client = clients.find(report.clientId());
      if (client.isEmpty()) {
        errors.add(new Problem("clientId", "client inconnu : " + Limits.quote(report.clientId())));
      }
    }
    String tooMany = Limits.listProblem(report.siteIds(), Limits.SITES_PER_INCIDENT);
    if (report.siteIds().isEmpty()) {
      errors.add(new Problem("siteIds", "au moins un site concerné est obligatoire"));
    } else if (tooMany != null) {
      errors.add(new Problem("siteIds", tooMany));
    } else {
      var seen = new HashSet<String>();
      for (int i = 0; i < report.siteIds().size(); i++) {
        String siteId = report.siteIds().get(i);
        String idProblem = Limits.idProblem(siteId);
        Optional<Client.Site> site = idProblem != null ? Optional.empty() : client.flatMap(c -> c.site(siteId));
        if (idProblem != null) {
          errors.add(new Problem("siteIds[" + i + "]", idProblem));
        } else if (client.isEmpty()) {
          continue;
        } else if (site.isEmpty()) {
          errors.add(new Problem("siteIds[" + i + "]",
              "site inconnu pour le client " + client.get().name() + " : " + Limits.quote(siteId)));
        } else if (!seen.add(siteId)) {
          errors.add(new Problem("siteIds[" + i + "]", "site en double : " + Limits.quote(siteId)));
        } else if (site.get().retired() && report.relatedIncident() == null) {
          errors.add(new Problem("siteIds[" + i + "]", "site retiré : « " + site.get().name()
              + " » ne reçoit plus de nouveau signalement"));
        }
      }
    }
    if (report.detectionSource() == null || report.detectionSource().isBlank()) {
      errors.add(new Problem("detectionSource", "source de détection obligatoire ; valeurs admises : "
          + Code.allowed(DetectionSource.class)));
    } else if (Code.find(DetectionSource.class, report.detectionSource()).isEmpty()) {
      errors.add(new Problem("detectionSource", "source de détection inconnue " + Limits.quote(report.detectionSource())
          + " ; valeurs admises : " + Code.allowed(DetectionSource.class)));
    }
    if (report.equipment() == null || report.equipment().isBlank()) {
      errors.add(new Problem("equipment", "équipement concerné obligatoire"));
    } else if (Limits.textProblem(report.equipment(), EQUIPMENT_MAX) != null) {
      errors.add(new Problem("equipment", Limits.textProblem(report.equipment(), EQUIPMENT_MAX)));
    }
    if (report.description() == null || report.description().isBlank()) {
      errors.add(new Problem("description", "description obligatoire"));
    } else if (Limits.textProblem(report.description(), DESCRIPTION_MAX) != null) {
      errors.add(new Problem("description", Limits.textProblem(report.description(), DESCRIPTION_MAX)));
    }
    if (report.detectedAt() == null) {
      errors.add(new Problem("detectedAt", "heure de détection obligatoire"));
    } else if (Limits.pastProblem(report.detectedAt()) != null) {
      errors.add(new Problem("detectedAt", Limits.pastProblem(report.detectedAt())));
    } else if (moments.isInFuture(report.detectedAt())) {
      errors.add(new Problem("detectedAt", "l'heure de détection ne peut pas être dans le futur ("
          + moments.wordsWithZone(report.detectedAt()) + ")"));
    }
    if (report.beganAt() != null) {
      if (Limits.pastProblem(report.beganAt()) != null) {
        errors.add(new Problem("beganAt", Limits.pastProblem(report.beganAt())));
      } else if (moments.isInFuture(report.beganAt())) {
        errors.add(new Problem("beganAt", "le début de l'incident ne peut pas être dans le futur"));
      } else if (report.detectedAt() != null && report.beganAt().isAfter(report.detectedAt())) {
        errors.add(new Problem("beganAt", "le début de l'incident ne peut pas suivre sa détection ("
            + moments.wordsWithZone(report.beganAt()) + " après " + moments.wordsWithZone(report.detectedAt()) + ")"));
      }
    }
    if (Limits.textProblem(report.externalAlertId(), ALERT_ID_MAX) != null) {
      errors.add(new Problem("externalAlertId", Limits.textProblem(report.externalAlertId(), ALERT_ID_MAX)));
    }
    return errors;
  }
}
