package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.system.Refusal.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The checks every report of a suspicion passes, whatever its entry point, each naming its field. */
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
    if (report.clientId() == null || report.clientId().isBlank()) {
      errors.add(new Problem("clientId", "client obligatoire"));
    } else {
      client = clients.find(report.clientId());
      if (client.isEmpty()) {
        errors.add(new Problem("clientId", "client inconnu : « " + report.clientId() + " »"));
      }
    }
    if (report.siteIds().isEmpty()) {
      errors.add(new Problem("siteIds", "au moins un site concerné est obligatoire"));
    } else if (client.isPresent()) {
      var seen = new HashSet<String>();
      for (int i = 0; i < report.siteIds().size(); i++) {
        String siteId = report.siteIds().get(i);
        if (client.get().site(siteId).isEmpty()) {
          errors.add(new Problem("siteIds[" + i + "]",
              "site inconnu pour le client " + client.get().name() + " : « " + siteId + " »"));
        } else if (!seen.add(siteId)) {
          errors.add(new Problem("siteIds[" + i + "]", "site en double : « " + siteId + " »"));
        }
      }
    }
    if (report.detectionSource() == null || report.detectionSource().isBlank()) {
      errors.add(new Problem("detectionSource", "source de détection obligatoire ; valeurs admises : "
          + Code.allowed(DetectionSource.class)));
    } else if (Code.find(DetectionSource.class, report.detectionSource()).isEmpty()) {
      errors.add(new Problem("detectionSource", "source de détection inconnue « " + report.detectionSource()
          + " » ; valeurs admises : " + Code.allowed(DetectionSource.class)));
    }
    if (report.equipment() == null || report.equipment().isBlank()) {
      errors.add(new Problem("equipment", "équipement concerné obligatoire"));
    } else if (report.equipment().length() > EQUIPMENT_MAX) {
      errors.add(new Problem("equipment", EQUIPMENT_MAX + " caractères au plus"));
    }
    if (report.description() == null || report.description().isBlank()) {
      errors.add(new Problem("description", "description obligatoire"));
    } else if (report.description().length() > DESCRIPTION_MAX) {
      errors.add(new Problem("description", DESCRIPTION_MAX + " caractères au plus"));
    }
    if (report.detectedAt() == null) {
      errors.add(new Problem("detectedAt", "heure de détection obligatoire"));
    } else if (moments.isInFuture(report.detectedAt())) {
      errors.add(new Problem("detectedAt", "l'heure de détection ne peut pas être dans le futur ("
          + moments.wordsWithZone(report.detectedAt()) + ")"));
    }
    if (report.beganAt() != null) {
      if (moments.isInFuture(report.beganAt())) {
        errors.add(new Problem("beganAt", "le début de l'incident ne peut pas être dans le futur"));
      } else if (report.detectedAt() != null && report.beganAt().isAfter(report.detectedAt())) {
        errors.add(new Problem("beganAt", "le début de l'incident ne peut pas suivre sa détection ("
            + moments.wordsWithZone(report.beganAt()) + " après " + moments.wordsWithZone(report.detectedAt()) + ")"));
      }
    }
    if (report.externalAlertId() != null && report.externalAlertId().length() > ALERT_ID_MAX) {
      errors.add(new Problem("externalAlertId", ALERT_ID_MAX + " caractères au plus"));
    }
    return errors;
  }
}
