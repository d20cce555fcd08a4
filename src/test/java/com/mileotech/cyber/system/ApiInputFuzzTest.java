package com.mileotech.cyber.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.InputFuzz.Input;
import com.mileotech.cyber.system.InputFuzz.Leaf;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Malformed input over the rest of our API: the client registry (create and update), the
 * dashboard's and the outbox's parameters, and the identifiers in the paths of every endpoint
 * that reads one. A French 400 naming the field, or the 404 of an unknown id; nothing written
 * (issue 15; the harness is system/InputFuzz).
 */
@IntegrationTest
class ApiInputFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TECH = "tech.fuzz";

  @Autowired IdentityService identityService;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @BeforeEach
  void accounts() {
    TestClients.ensure(identityService, clients, clientService);
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
  }

  @Test
  void malformedClientsAreRefusedAndTheRegistryIsUnchanged() {
    InputFuzz fuzz = new InputFuzz(port, jdbc);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", "client-fuzz");
    body.put("name", "Client du fuzz");
    body.put("regimes", List.of("OIV"));
    body.put("contract", Map.of("type", "STANDARD", "start", "2026-01-01", "end", "2027-12-31", "stagingValidation", false));
    body.put("rssiContacts", List.of(Map.of("name", "RSSI Fuzz", "email", "rssi@fuzz.example", "phone", "0102030405")));
    body.put("dpo", Map.of("name", "DPO Fuzz", "email", "dpo@fuzz.example"));
    body.put("sites", List.of(Map.of("id", "siege", "name", "Siège", "address", "1 rue du Test, 75001 Paris")));
    JsonNode valid = JSON.valueToTree(body);
    Map<String, Leaf> leaves = new LinkedHashMap<>();
    leaves.put("id", Leaf.text(64, true));
    leaves.put("name", Leaf.text(200, true));
    leaves.put("regimes", Leaf.list(3, JSON.getNodeFactory().textNode("OIV"), false));
    leaves.put("regimes[0]", Leaf.code(false));
    leaves.put("contract.type", Leaf.code(true));
    leaves.put("contract.start", Leaf.day(true));
    leaves.put("contract.end", Leaf.day(true));
    leaves.put("contract.stagingValidation", Leaf.bool(false));
    leaves.put("rssiContacts", Leaf.list(10, valid.get("rssiContacts").get(0), false));
    leaves.put("rssiContacts[0].name", Leaf.text(200, true));
    leaves.put("rssiContacts[0].email", Leaf.text(254, true));
    leaves.put("rssiContacts[0].phone", Leaf.text(40, false));
    leaves.put("dpo.name", Leaf.text(200, true));
    leaves.put("sites", Leaf.list(200, valid.get("sites").get(0), false));
    leaves.put("sites[0].id", Leaf.text(64, true));
    leaves.put("sites[0].name", Leaf.text(200, true));
    leaves.put("sites[0].address", Leaf.text(400, false));
    leaves.put("sites[0].retired", Leaf.bool(false));
    Supplier<Object> registry = () -> jdbc.sql("select id, name, updated_at from client order by id").query().listOfRows()
        + " " + jdbc.sql("select * from client_site order by client_id, site_id").query().listOfRows()
        + " " + jdbc.sql("select * from client_rssi order by client_id, position").query().listOfRows();
    fuzz.sendAll(InputFuzz.bodyInputs("nouveau client", TestUsers.ADMIN, "POST", "/api/clients", valid, leaves), registry);

    // an existing client of its own (the shared ones belong to other tests)
    ((com.fasterxml.jackson.databind.node.ObjectNode) valid).put("id", "client-fuzz-registre");
    if (!clients.exists("client-fuzz-registre")) {
      clientService.create(JSON.copy().findAndRegisterModules().convertValue(valid, com.mileotech.cyber.client.Client.class));
    }
    leaves.remove("id");
    fuzz.sendAll(InputFuzz.bodyInputs("client modifié", TestUsers.ADMIN, "PUT", "/api/clients/client-fuzz-registre",
        valid, leaves), registry);
    fuzz.assertNoFailures(150);
  }

  @Test
  void malformedParametersAndIdentifiersAreAFrench400OrA404() {
    InputFuzz fuzz = new InputFuzz(port, jdbc);
    // as long as a request line may be (8 KB, the accents encoded): longer, the server refuses it before the API
    String long5000 = "é".repeat(1000);
    for (String bad : List.of("abc", "99999999999", "2026.5", "-1", long5000, "2026\u0000")) {
      fuzz.send(get("année " + shortLabel(bad), "/api/dashboard?year=" + encode(bad), "year"));
    }
    for (String bad : List.of("2026-02-30", "30/03/2026", "demain", long5000, "2026-03-01\u0000")) {
      fuzz.send(get("début " + shortLabel(bad), "/api/dashboard?from=" + encode(bad) + "&to=2026-03-31", "from"));
      fuzz.send(get("fin " + shortLabel(bad), "/api/dashboard/export.csv?from=2026-03-01&to=" + encode(bad), "to"));
    }
    fuzz.send(get("fin avant début", "/api/dashboard?from=2026-03-31&to=2026-03-01", "to"));
    fuzz.send(get("période de 100 ans", "/api/dashboard/report.pdf?from=2000-01-01&to=2099-12-31", "to"));
    fuzz.send(get("année et période", "/api/dashboard?year=2026&from=2026-01-01&to=2026-02-01", "year"));
    for (String bad : List.of("client-inconnu", long5000, "client\u0000", "<script>")) {
      fuzz.send(get("client " + shortLabel(bad), "/api/dashboard?client=" + encode(bad), "client"));
    }
    for (String bad : List.of("perdu", long5000, "sent\u0000")) {
      fuzz.send(get("statut " + shortLabel(bad), "/api/outbox?status=" + encode(bad), "status"));
    }
    fuzz.send(get("référence de 5000 caractères", "/api/outbox?reference=" + encode(long5000), "reference"));
    fuzz.send(get("référence avec caractère nul", "/api/outbox?reference=" + encode("INC\u0000"), "reference"));
    fuzz.send(get("ni référence ni statut", "/api/outbox", "reference"));
    fuzz.send(get("version illisible", "/api/commissionings/CHK-2026-0001/document/versions/abc", "version"));
    fuzz.send(get("version hors des entiers", "/api/commissionings/CHK-2026-0001/document/versions/99999999999",
        "version"));
    fuzz.send(get("version du dossier d'incident illisible", "/api/security-incidents/INC-2026-0001/file/versions/abc",
        "version"));

    // identifiers in paths: unknown whatever they hold, never a server error
    fuzz.send(InputFuzz.input("ligne de requête de 30 Ko", TECH, "GET", "/api/dashboard?year=" + encode("é".repeat(5000)),
        null, null));
    fuzz.send(InputFuzz.input("identifiant de 30 Ko", TestUsers.ADMIN, "GET", "/api/security-incidents/"
        + encode("é".repeat(5000)), null, null));
    for (String bad : List.of("INC-9999-9999", "é".repeat(1000), "%20", "a%2Fb", "..", "%00", "%E2%80%AE", "'%20or%201=1")) {
      String id = bad.startsWith("é") ? encode(bad) : bad;
      for (String path : List.of("/api/security-incidents/" + id, "/api/security-incidents/" + id + "/file",
          "/api/security-incidents/" + id + "/file/versions", "/api/security-incidents/" + id + "/file/versions/1",
          "/api/security-incidents/" + id + "/notifications", "/api/security-updates/" + id,
          "/api/commissionings/" + id + "/document", "/api/commissionings/" + id + "/document/versions",
          "/api/clients/" + id, "/api/clients/" + id + "/equipment", "/api/clients/" + id + "/software")) {
        fuzz.send(InputFuzz.input("identifiant " + shortLabel(bad), TestUsers.ADMIN, "GET", path, null, null)
            .answeredBy(400, 403, 404));
      }
      fuzz.send(InputFuzz.input("demande ANSSI " + shortLabel(bad), TestUsers.ADMIN, "POST",
          "/api/security-incidents/" + id + "/notifications/anssi/intermediate-report-requests", null, null)
          .answeredBy(400, 403, 404));
    }
    fuzz.assertNoFailures(100);
  }

  private static Input get(String label, String path, String field) {
    return InputFuzz.input(label, TECH, "GET", path, null, field);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String shortLabel(String text) {
    return text.length() > 20 ? text.length() + " caractères" : text.replace("\u0000", "\\0");
  }
}
