package com.mileotech.cyber.update;

import static com.mileotech.cyber.update.SecurityUpdateVariables.*;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.commissioning.HardeningControls;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.Reminders;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Publier le bulletin complémentaire" (security-incident, once every re-verification has ended):
 * the internal security bulletin published at the incident's lessons learned announced the
 * controls under re-verification; this follow-up gives each one's outcome, site by site.
 * Asynchronous; idempotent by key.
 */
@Component("publishReverificationBulletin")
class PublishReverificationBulletinDelegate implements JavaDelegate {

  private final ReverificationRegister register;
  private final ClientRepository clients;
  private final HardeningControls controls;
  private final Moments moments;
  private final Reminders reminders;

  PublishReverificationBulletinDelegate(ReverificationRegister register, ClientRepository clients,
      HardeningControls controls, Moments moments, Reminders reminders) {
    this.register = register;
    this.clients = clients;
    this.controls = controls;
    this.moments = moments;
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = REFERENCE.get(execution);
    String results = register.of(reference).stream().map(r -> {
      Client client = clients.find(r.clientId()).orElseThrow();
      return "- " + r.pointId() + " (" + controls.control(r.pointId()).map(HardeningControls.Control::label).orElse("")
          + ") — " + client.name() + ", " + client.site(r.siteId()).map(Client.Site::name).orElse(r.siteId()) + " : "
          + RecordReverificationDelegate.STATUSES.getOrDefault(r.status(), "non vérifié")
          + (r.verifiedAt() == null ? "" : " le " + moments.wordsWithZone(r.verifiedAt()))
          + (r.comment() == null ? "" : " — " + r.comment());
    }).collect(Collectors.joining("\n"));
    reminders.inform(execution, "security-bulletin-follow-up", Notice.of("security-bulletin-follow-up", Audience.TECHNICIANS)
        .with("title", "Bulletin de sécurité interne (complément) — revérifications après l'incident " + reference)
        .with("body", "Les points de durcissement mis en cause par le retour d'expérience de l'incident " + reference
            + " ont été revérifiés :\n" + results)
        .with("results", results));
  }
}
