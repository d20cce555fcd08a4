package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.IMPROVEMENT_ACTIONS;
import static com.mileotech.cyber.incident.SecurityIncidentVariables.IMPROVEMENT_ACTIONS_ADD;
import static com.mileotech.cyber.incident.SecurityIncidentVariables.IMPROVEMENT_ACTIONS_LABEL;
import static com.mileotech.cyber.incident.SecurityIncidentVariables.IMPROVEMENT_ACTION_ROWS;
import static com.mileotech.cyber.incident.SecurityIncidentVariables.IMPROVEMENT_OWNER_OPTIONS;
import static com.mileotech.cyber.incident.SecurityIncidentVariables.improvementAction;

import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.security.PrivilegedCall;
import com.mileotech.cyber.system.FormValues;
import com.mileotech.cyber.system.Limits;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The improvement actions of a lessons-learned report (PROC-CYB-005 §06): the rows of the form,
 * each with a label, an owner (a person of Mileo's staff: technicians, project managers, the
 * cybersecurity referent) and a due day. A row shows only when the one before asks for it (« Ajouter
 * une autre action »): form-js dynamic lists keep Tasklist 7.24's Complete button disabled
 * (docs/incident.md). A row with a label needs an owner who exists in one of those groups and a due
 * day after today; an empty row is ignored. Refused naming the row and the field, nothing recorded;
 * otherwise recorded as {@code improvementActions}, which the improvement feature starts at the
 * approval.
 */
@Component
class ImprovementActionRows {

  static final String REFUSED = "Retour d'expérience refusé";
  /** Who may own an action: Mileo's staff, not the administrators (they own no decision) nor a client. */
  static final List<Groups> OWNER_GROUPS = List.of(Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT);
  static final int LABEL_MAX = 500;

  private final IdentityService identityService;
  private final PrivilegedCall privileged;
  private final Moments moments;

  ImprovementActionRows(IdentityService identityService, PrivilegedCall privileged, Moments moments) {
    this.identityService = identityService;
    this.privileged = privileged;
    this.moments = moments;
  }

  /** The owners the form offers: each staff member once, by name, with their role. */
  void offerOwners(DelegateExecution execution) {
    Map<String, Map<String, Object>> options = new TreeMap<>();
    privileged.call(() -> {
      for (Groups group : OWNER_GROUPS) {
        for (User user : identityService.createUserQuery().memberOfGroup(group.id()).list()) {
          options.computeIfAbsent(user.getId(), id -> {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("label", name(user) + " (" + group.frenchName() + ")");
            option.put("value", id);
            return option;
          });
        }
      }
      return null;
    });
    List<Map<String, Object>> sorted = new ArrayList<>(options.values());
    sorted.sort((a, b) -> a.get("label").toString().compareToIgnoreCase(b.get("label").toString()));
    IMPROVEMENT_OWNER_OPTIONS.set(execution, FormValues.json(sorted));
  }

  /** Checks the rows the writer submitted and records them; a refusal names each wrong field. */
  void record(DelegateExecution execution) {
    List<String> problems = new ArrayList<>();
    List<Map<String, Object>> actions = new ArrayList<>();
    boolean shown = IMPROVEMENT_ACTIONS_ADD.isTrue(execution);
    LocalDate today = moments.today();
    for (int n = 1; n <= IMPROVEMENT_ACTION_ROWS && shown; n++) {
      String row = "action d'amélioration n° " + n;
      String label = improvementAction(n, "Label").text(execution);
      String owner = improvementAction(n, "Owner").text(execution);
      Object dueText = improvementAction(n, "DueDate").raw(execution);
      shown = improvementAction(n, "More").isTrue(execution);
      if (label == null) {
        if (owner != null || (dueText != null && !dueText.toString().isBlank())) {
          problems.add(row + ", intitulé : indiquez l'action à mener (ou videz la ligne)");
        }
        continue;
      }
      if (label.length() > LABEL_MAX) {
        problems.add(row + ", intitulé : " + LABEL_MAX + " caractères au plus");
      }
      String ownerName = null;
      if (owner == null) {
        problems.add(row + ", responsable : choisissez le responsable de l'action");
      } else {
        ownerName = ownerName(owner);
        if (ownerName == null) {
          problems.add(row + ", responsable : « " + Limits.fit(owner, 64) + " » n'est pas un membre de l'équipe Mileo "
              + "(techniciens, chefs de projet, référent cybersécurité)");
        }
      }
      LocalDate due = null;
      try {
        due = moments.day(dueText);
        if (due == null) {
          problems.add(row + ", échéance : indiquez la date à laquelle l'action doit être close (JJ/MM/AAAA)");
        } else if (!due.isAfter(today)) {
          problems.add(row + ", échéance : le " + moments.words(due) + " n'est pas après aujourd'hui ("
              + moments.words(today) + ")");
        }
      } catch (IllegalArgumentException e) {
        problems.add(row + ", échéance : " + e.getMessage());
      }
      if (ownerName != null && due != null && due.isAfter(today)) {
        Instant dueAt = moments.endOfDay(due);
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("position", n);
        action.put("label", label);
        action.put("owner", owner);
        action.put("ownerName", ownerName);
        action.put("dueDate", due.toString());
        action.put("dueAt", dueAt.toString());
        actions.add(action);
      }
    }
    if (!problems.isEmpty()) {
      throw Refusal.of(REFUSED, problems);
    }
    IMPROVEMENT_ACTIONS.set(execution, FormValues.json(actions));
    IMPROVEMENT_ACTIONS_LABEL.set(execution, actions.isEmpty() ? "Aucune action d'amélioration planifiée."
        : String.join("\n", actions.stream().map(a -> "- " + a.get("label") + " — responsable : " + a.get("ownerName")
            + " — échéance : " + moments.words(LocalDate.parse(a.get("dueDate").toString()))).toList()));
  }

  /** The owner's name when they are a user of one of the owner groups, else null. */
  private String ownerName(String userId) {
    return privileged.call(() -> {
      User user = identityService.createUserQuery().userId(userId).singleResult();
      if (user == null) {
        return null;
      }
      for (Groups group : OWNER_GROUPS) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(group.id()).count() > 0) {
          return name(user);
        }
      }
      return null;
    });
  }

  private static String name(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }
}
