package com.mileotech.cyber.update;

import static com.mileotech.cyber.update.SecurityUpdateVariables.*;

import com.mileotech.cyber.reminder.Deadlines;
import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.commissioning.EquipmentInventory;
import com.mileotech.cyber.system.Limits;
import com.mileotech.cyber.system.Moments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer l'application de la mise à jour", right after "Appliquer la mise à jour": when (the
 * deadline kept or not), and one line per affected item,
 * {@code <n° de série> ; <appliquee | fin-de-support | refus-client> ; <nouvelle version | motif>},
 * and the time of the intervention. Every item must have its outcome; a new version must no longer
 * be affected; a reason is required when the item is not updated. Then: who, when, the new version
 * per item in the register, the inventory updated (version, or the maker's end of support), and
 * the equipment at end of support listed for the replacement plan. Refused as a whole otherwise.
 */
@Component("recordUpdateApplication")
class RecordUpdateApplicationDelegate implements JavaDelegate {

  /** security_update_item.reason */
  static final int REASON_MAX = 2000;

  private static final Set<String> OUTCOMES = Set.of(UpdateRegister.APPLIED, UpdateRegister.END_OF_SUPPORT,
      UpdateRegister.CLIENT_REFUSAL);

  private final Deadlines deadlines;
  private final UpdateRegister register;
  private final EquipmentInventory inventory;
  private final ClientRepository clients;
  private final IdentityService identityService;
  private final Moments moments;

  RecordUpdateApplicationDelegate(UpdateRegister register, EquipmentInventory inventory, ClientRepository clients,
      IdentityService identityService, Moments moments, Deadlines deadlines) {
    this.deadlines = deadlines;
    this.register = register;
    this.inventory = inventory;
    this.clients = clients;
    this.identityService = identityService;
    this.moments = moments;
  }

  private record Line(String outcome, String value) {}

  @Override
  public void execute(DelegateExecution execution) {
    deadlines.recordOutcome(execution, UPDATE.name()); // undone with the rest by a refusal
    String reference = REFERENCE.get(execution);
    String clientId = CLIENT_ID.get(execution);
    UpdateRegister.Update update = register.find(reference).orElseThrow();
    Map<String, UpdateRegister.Item> items = new LinkedHashMap<>();
    register.items(reference, clientId).forEach(i -> items.put(i.itemId(), i));

    List<String> problems = new ArrayList<>();
    Instant appliedAt = null;
    try {
      appliedAt = moments.typed(execution, "appliedAtInput");
    } catch (IllegalArgumentException e) {
      problems.add("date de l'intervention : " + e.getMessage());
    }
    if (appliedAt == null && problems.isEmpty()) {
      problems.add("date de l'intervention obligatoire");
    } else if (appliedAt != null && moments.isInFuture(appliedAt)) {
      problems.add("date de l'intervention dans le futur (" + moments.wordsWithZone(appliedAt) + ")");
    } else if (appliedAt != null && appliedAt.isBefore(update.publishedAt())) {
      problems.add("date de l'intervention antérieure à la publication (" + moments.wordsWithZone(update.publishedAt()) + ")");
    }

    Map<String, Line> lines = new LinkedHashMap<>();
    List<String> text = APPLICATION_TEXT.lines(execution);
    for (int n = 0; n < text.size(); n++) {
      String where = "ligne " + (n + 1);
      String[] parts = text.get(n).split(";", 3);
      String id = parts[0].trim();
      String outcome = parts.length > 1 ? parts[1].trim().toLowerCase(java.util.Locale.ROOT) : "";
      String value = parts.length > 2 ? parts[2].trim() : "";
      if (!items.containsKey(id)) {
        problems.add(where + " : " + Limits.quote(id) + " n'est pas concerné par cette mise à jour chez ce client");
      } else if (lines.containsKey(id)) {
        problems.add(where + " : « " + id + " » figure deux fois");
      } else if (!OUTCOMES.contains(outcome)) {
        problems.add(where + " : résultat " + Limits.quote(outcome) + " inconnu pour " + id
            + " (appliquee, fin-de-support ou refus-client)");
      } else if (outcome.equals(UpdateRegister.APPLIED) && value.isEmpty()) {
        problems.add(where + " : nouvelle version de " + id + " obligatoire");
      } else if (outcome.equals(UpdateRegister.APPLIED) && !Versions.isVersion(value)) {
        problems.add(where + " : version " + Limits.quote(value) + " illisible");
      } else if (outcome.equals(UpdateRegister.APPLIED) && Versions.affected(update.affectedVersions(), value)) {
        problems.add(where + " : la version " + value + " de " + id + " est encore concernée par le bulletin "
            + update.advisory());
      } else if (!outcome.equals(UpdateRegister.APPLIED) && value.length() < 3) {
        problems.add(where + " : motif obligatoire pour " + id + " (" + outcome + ")");
      } else if (!outcome.equals(UpdateRegister.APPLIED) && Limits.textProblem(value, REASON_MAX) != null) {
        problems.add(where + " : motif : " + Limits.textProblem(value, REASON_MAX));
      } else {
        lines.put(id, new Line(outcome, value));
      }
    }
    items.keySet().stream().filter(id -> !lines.containsKey(id) && text.stream().noneMatch(l -> l.split(";")[0].trim().equals(id)))
        .forEach(id -> problems.add("« " + id + " » sans résultat"));
    if (!problems.isEmpty()) {
      throw Refusal.of("Application refusée", problems);
    }

    var auth = identityService.getCurrentAuthentication();
    String by = auth == null ? null : auth.getUserId();
    Instant now = moments.now();
    Client client = clients.find(clientId).orElseThrow();
    List<UpdateRegister.Item> ended = new ArrayList<>();
    for (var entry : lines.entrySet()) {
      UpdateRegister.Item item = items.get(entry.getKey());
      Line line = entry.getValue();
      boolean applied = line.outcome().equals(UpdateRegister.APPLIED);
      register.outcome(reference, clientId, item.itemId(), line.outcome(), applied ? line.value() : null,
          applied ? null : line.value(), by, now, applied ? appliedAt : null);
      if (applied) {
        inventory.recordVersion(item.installed(), line.value(), reference, appliedAt);
      } else if (line.outcome().equals(UpdateRegister.END_OF_SUPPORT)) {
        inventory.recordEndOfSupport(item.installed(), reference, appliedAt);
        ended.add(item);
      }
    }
    APPLIED_BY.set(execution, by);
    APPLIED_AT.set(execution, java.util.Date.from(appliedAt));
    END_OF_SUPPORT_FOUND.set(execution, !ended.isEmpty());
    // what the replacement plan shows: its lines are in the register in full
    END_OF_SUPPORT_EQUIPMENT.set(execution, ended.isEmpty() ? null : Limits.fit(ended.stream()
        .map(i -> "- " + Items.describe(i, client) + " — " + lines.get(i.itemId()).value())
        .collect(Collectors.joining("\n")), Limits.TEXT));
    END_OF_SUPPORT_SITES.set(execution, Limits.fit(ended.stream()
        .map(i -> client.site(i.siteId()).map(Client.Site::name).orElse(i.siteId())).distinct()
        .collect(Collectors.joining(", ")), Limits.TEXT));
  }
}
