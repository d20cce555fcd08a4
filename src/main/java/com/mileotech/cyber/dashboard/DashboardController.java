package com.mileotech.cyber.dashboard;

import com.mileotech.cyber.system.Limits;
import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.system.ZoneProperties;
import com.mileotech.cyber.security.CurrentUser;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.ApiException;
import com.mileotech.cyber.system.Refusal.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The annual cybersecurity dashboard over HTTP: the figures as JSON (the page /dashboard/ draws
 * them), as CSV and as the PDF report for a client's annual audit. Mileo staff see every client;
 * a client RSSI only their own (another client is answered 404, as an unknown one: nothing can be
 * probed); integrations and anyone else get 403. The webapp session is accepted (GET only).
 *
 * <p>Parameters: {@code year} (default: the current year in Paris) or {@code from} and {@code to}
 * (days, inclusive), and {@code client} (a registry id; default: all the clients one may see).
 */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;

  private final DashboardService service;
  private final DashboardCsv csv;
  private final DashboardPdf pdf;
  private final ClientRepository clients;
  private final CurrentUser currentUser;
  private final ZoneId zone;

  DashboardController(DashboardService service, DashboardCsv csv, DashboardPdf pdf, ClientRepository clients,
      CurrentUser currentUser, ZoneProperties time) {
    this.service = service;
    this.csv = csv;
    this.pdf = pdf;
    this.clients = clients;
    this.currentUser = currentUser;
    this.zone = time.zone();
  }

  @GetMapping
  ResponseEntity<Dashboard> figures(@RequestParam(required = false) String year,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String client) {
    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(service.compute(request(year, from, to, client)));
  }

  @GetMapping("/export.csv")
  ResponseEntity<byte[]> exportCsv(@RequestParam(required = false) String year,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String client) {
    Dashboard dashboard = service.compute(request(year, from, to, client));
    return file(csv.render(dashboard), new MediaType("text", "csv", StandardCharsets.UTF_8),
        "tableau-de-bord-cyber-" + slug(dashboard) + ".csv");
  }

  @GetMapping("/report.pdf")
  ResponseEntity<byte[]> report(@RequestParam(required = false) String year,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String client) {
    Dashboard dashboard = service.compute(request(year, from, to, client));
    return file(pdf.render(dashboard), MediaType.APPLICATION_PDF, "rapport-cyber-" + slug(dashboard) + ".pdf");
  }

  private DashboardService.Request request(String year, String from, String to, String client) {
    currentUser.require(Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT, Groups.ADMINISTRATORS,
        Groups.CLIENT_RSSI);
    boolean staff = currentUser.isMemberOfAny(Groups.staff().toArray(Groups[]::new));
    List<Client> visible = clients.findAll().stream()
        .filter(c -> staff || currentUser.canSeeClient(c.id()))
        .sorted(Comparator.comparing(Client::name, String.CASE_INSENSITIVE_ORDER))
        .toList();

    List<Problem> errors = new ArrayList<>();
    // parameters are short codes and days: anything longer, or holding a control character, is no value
    java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>();
    parameters.put("year", year);
    parameters.put("from", from);
    parameters.put("to", to);
    parameters.put("client", client);
    parameters.forEach((name, value) -> {
      if (Limits.idProblem(value) != null) {
        errors.add(new Problem(name, Limits.idProblem(value)));
      }
    });
    if (!errors.isEmpty()) {
      throw Refusal.fields(errors);
    }
    Client selected = null;
    if (client != null && !client.isBlank()) {
      Optional<Client> found = visible.stream().filter(c -> c.id().equals(client.trim())).findFirst();
      if (found.isPresent()) {
        selected = found.get();
      } else if (staff) {
        errors.add(new Problem("client", "client inconnu : " + Limits.quote(client.trim())));
      } else {
        // a client RSSI learns nothing of other clients, not even whether they exist
        throw ApiException.notFound("Client introuvable : " + Limits.quote(client.trim()));
      }
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Period period = period(year, from, to, now, errors);
    if (!errors.isEmpty()) {
      throw Refusal.fields(errors);
    }
    return new DashboardService.Request(period, visible, selected, staff ? null : currentUser.id(), now);
  }

  private Period period(String year, String from, String to, Instant now, List<Problem> errors) {
    boolean hasYear = year != null && !year.isBlank();
    boolean hasFrom = from != null && !from.isBlank();
    boolean hasTo = to != null && !to.isBlank();
    if (hasYear && (hasFrom || hasTo)) {
      errors.add(new Problem("year", "donnez soit une année, soit une période (from, to), pas les deux"));
      return null;
    }
    if (hasFrom || hasTo) {
      LocalDate start = day("from", from, errors);
      LocalDate end = day("to", to, errors);
      if (start == null || end == null) {
        return null;
      }
      if (end.isBefore(start)) {
        errors.add(new Problem("to", "la fin de la période (" + end + ") précède son début (" + start + ")"));
        return null;
      }
      if (ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(end)) >= Period.MAX_MONTHS) {
        errors.add(new Problem("to", "période trop longue : " + Period.MAX_MONTHS + " mois au plus"));
        return null;
      }
      return new Period(start, end, zone);
    }
    if (!hasYear) {
      return Period.year(now.atZone(zone).getYear(), zone);
    }
    try {
      int value = Integer.parseInt(year.trim());
      if (value >= FIRST_YEAR && value <= LAST_YEAR) {
        return Period.year(value, zone);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new Problem("year", "année invalide " + Limits.quote(year.trim()) + " : une année entre " + FIRST_YEAR
        + " et " + LAST_YEAR + " est attendue, par exemple 2026"));
    return null;
  }

  private static LocalDate day(String field, String text, List<Problem> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new Problem(field, "obligatoire avec " + ("from".equals(field) ? "to" : "from")
          + " (date au format AAAA-MM-JJ)"));
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      errors.add(new Problem(field, "date invalide " + Limits.quote(text.trim()) + " : format AAAA-MM-JJ attendu"));
      return null;
    }
  }

  private static String slug(Dashboard dashboard) {
    Dashboard.Scope scope = dashboard.scope();
    String period = scope.year() != null ? scope.year().toString() : scope.from() + "_" + scope.to();
    return period + (scope.clientId() == null ? "" : "-" + scope.clientId());
  }

  private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(content);
  }
}
