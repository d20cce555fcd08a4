package com.mileotech.cyber.notification;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.security.CurrentUser;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.ApiException;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/clients/{id}/breach-register?year=2026&format=json|csv|pdf}: the register of a
 * client's personal data breaches for one year (GDPR art. 33(5)), for its DPO. Staff see every
 * client; a client RSSI only their own: another client answers 404, as an unknown one does.
 */
@RestController
class BreachRegisterController {

  private final BreachRegister register;
  private final BreachRegisterExports exports;
  private final ClientRepository clients;
  private final CurrentUser currentUser;
  private final Moments moments;

  BreachRegisterController(BreachRegister register, BreachRegisterExports exports, ClientRepository clients,
      CurrentUser currentUser, Moments moments) {
    this.register = register;
    this.exports = exports;
    this.clients = clients;
    this.currentUser = currentUser;
    this.moments = moments;
  }

  @GetMapping("/api/clients/{clientId}/breach-register")
  ResponseEntity<?> breachRegister(@PathVariable String clientId, @RequestParam(required = false) String year,
      @RequestParam(required = false) String format) {
    currentUser.require(Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT, Groups.ADMINISTRATORS,
        Groups.CLIENT_RSSI);
    Client client = clients.find(clientId).filter(c -> currentUser.canSeeClient(c.id()))
        .orElseThrow(() -> ApiException.notFound("Client inconnu : " + clientId));
    int y = year(year);
    String kind = format == null ? "json" : format;
    if (!java.util.List.of("json", "csv", "pdf").contains(kind)) {
      throw Refusal.field("format", "format inconnu : « json », « csv » ou « pdf »");
    }
    BreachRegister.Year register = this.register.of(client.id(), y);
    String name = "registre-violations-" + client.id() + "-" + y;
    return switch (kind) {
      case "csv" -> file(exports.csv(register, client.name()), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
          name + ".csv");
      case "pdf" -> file(exports.pdf(register, client.name()), MediaType.APPLICATION_PDF, name + ".pdf");
      default -> ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(java.util.Map.of(
          "clientId", client.id(), "clientName", client.name(), "year", y, "breaches", register.breaches().size(),
          "notified", register.notified(), "notNotified", register.notNotified(),
          "register", register.breaches().stream().map(BreachRegister.Breach::notification).toList()));
    };
  }

  private int year(String year) {
    if (year == null || year.isBlank()) {
      return moments.today().getYear();
    }
    try {
      int y = Integer.parseInt(year.strip());
      if (y < 2000 || y > 2100) {
        throw new NumberFormatException();
      }
      return y;
    } catch (NumberFormatException e) {
      throw Refusal.field("year", "année invalide : « " + year + " » (par exemple 2026)");
    }
  }

  private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(content);
  }
}
