package com.mileotech.cyber.demo;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.client.ContractType;
import com.mileotech.cyber.client.RegulatoryRegime;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.StartupStep;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The `demo` profile: one nominal user per role, with the passwords the README documents, and two
 * clients (one OIV with a Premium contract, one with no regime and a standard contract). Without
 * this profile none of it exists.
 */
@Component
@Profile("demo")
class DemoDataStep implements StartupStep {

  private static final Logger LOG = LoggerFactory.getLogger(DemoDataStep.class);

  /** A demo account; the passwords are documented in the README, so they are for demos only. */
  record DemoUser(String id, String firstName, String lastName, String password, Groups group) {
    String email() {
      return id + "@demo.mileotech.example";
    }
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("tech.demo", "Thomas", "Martin", "Technicien-Demo-2026!", Groups.TECHNICIANS),
      new DemoUser("cdp.demo", "Claire", "Durand", "ChefProjet-Demo-2026!", Groups.PROJECT_MANAGERS),
      new DemoUser("referent.demo", "Romain", "Lefèvre", "Referent-Cyber-2026!", Groups.CYBER_REFERENT),
      new DemoUser("rssi.hexa", "Sophie", "Bernard", "RssiHexa-Demo-2026!", Groups.CLIENT_RSSI),
      new DemoUser("rssi.bastide", "Paul", "Girard", "RssiBastide-Demo-2026!", Groups.CLIENT_RSSI),
      new DemoUser("admin.demo", "Alice", "Robert", "Admin-Demo-2026!", Groups.ADMINISTRATORS),
      new DemoUser("supervision.demo", "Plateforme", "Hypervision", "Supervision-Demo-2026!", Groups.INTEGRATIONS));

  static final List<Client> CLIENTS = List.of(
      new Client("hexa-energie", "Hexa Énergie", RegulatoryRegime.OIV,
          new Client.Contract(ContractType.PREMIUM, LocalDate.of(2025, 1, 1), LocalDate.of(2028, 12, 31)),
          List.of(new Client.Contact("Sophie Bernard", "rssi.hexa@demo.mileotech.example", null, "rssi.hexa")),
          new Client.Contact("Marc Petit", "dpo@hexa-energie.example", "+33 1 02 03 04 05", null),
          List.of(new Client.Site("poste-lyon-est", "Poste source de Lyon-Est", "12 rue de l'Industrie, 69100 Villeurbanne"),
              new Client.Site("siege", "Siège — La Défense", "1 parvis de la Défense, 92800 Puteaux"))),
      new Client("bastide", "Restaurants La Bastide", RegulatoryRegime.NONE,
          new Client.Contract(ContractType.STANDARD, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31)),
          List.of(new Client.Contact("Paul Girard", "rssi.bastide@demo.mileotech.example", null, "rssi.bastide")),
          null,
          List.of(new Client.Site("marseille-vieux-port", "Restaurant du Vieux-Port", "5 quai du Port, 13002 Marseille"))));

  private final IdentityService identityService;
  private final ClientRepository clients;
  private final ClientService clientService;

  DemoDataStep(IdentityService identityService, ClientRepository clients, ClientService clientService) {
    this.identityService = identityService;
    this.clients = clients;
    this.clientService = clientService;
  }

  @Override
  public int order() {
    return 25; // after the groups, before the first administrator (the demo brings its own)
  }

  @Override
  public void run() {
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.email());
        user.setPassword(demo.password());
        identityService.saveUser(user);
        identityService.createMembership(demo.id(), demo.group().id());
      }
    }
    for (Client client : CLIENTS) {
      if (!clients.exists(client.id())) {
        clientService.create(client);
      }
    }
    LOG.warn("Demo profile: demo users and clients are present (see README). Never use this profile in production.");
  }
}
