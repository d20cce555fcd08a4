package com.mileotech.cyber;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.client.ContractType;
import com.mileotech.cyber.client.RegulatoryRegime;
import com.mileotech.cyber.security.Groups;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;

/**
 * Two test clients with an RSSI account each, created on demand (idempotent):
 * {@value #OIV} (OIV, Premium, RSSI {@value #OIV_RSSI}) and {@value #PLAIN} (no regime,
 * standard contract, RSSI {@value #PLAIN_RSSI}).
 */
public final class TestClients {

  public static final String OIV = "client-oiv";
  public static final String OIV_RSSI = "rssi.oiv";
  public static final String PLAIN = "client-plain";
  public static final String PLAIN_RSSI = "rssi.plain";

  private TestClients() {}

  public static void ensure(IdentityService identityService, ClientRepository repository, ClientService service) {
    TestUsers.ensure(identityService, OIV_RSSI, Groups.CLIENT_RSSI);
    TestUsers.ensure(identityService, PLAIN_RSSI, Groups.CLIENT_RSSI);
    if (!repository.exists(OIV)) {
      service.create(new Client(OIV, "Client OIV", RegulatoryRegime.OIV,
          new Client.Contract(ContractType.PREMIUM, LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31)),
          List.of(new Client.Contact("RSSI OIV", OIV_RSSI + "@test.example", null, OIV_RSSI)),
          new Client.Contact("DPO OIV", "dpo@client-oiv.example", null, null),
          List.of(new Client.Site("site-nord", "Site Nord", "1 rue du Nord, 59000 Lille"),
              new Client.Site("site-sud", "Site Sud", "1 rue du Sud, 13000 Marseille"))));
    }
    if (!repository.exists(PLAIN)) {
      service.create(new Client(PLAIN, "Client sans régime", RegulatoryRegime.NONE,
          new Client.Contract(ContractType.STANDARD, LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31)),
          List.of(new Client.Contact("RSSI Plain", PLAIN_RSSI + "@test.example", null, PLAIN_RSSI)),
          null,
          List.of(new Client.Site("boutique", "Boutique", "2 place du Marché, 75004 Paris"))));
    }
  }
}
