package com.mileotech.cyber.update;

import static com.mileotech.cyber.update.SecurityUpdateVariables.*;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.reminder.Deadlines;
import com.mileotech.cyber.system.Refusal.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la mise à jour". Started by the API, the update is already checked and registered
 * (variable {@code reference}): its facts are read back. Started from Tasklist's form, the same
 * checks run here (a refusal rolls the start back, naming each field), the same advisory entered
 * twice is refused with the first one's reference, and the update gets its reference
 * (MAJ-2026-0001, business key).
 */
@Component("registerSecurityUpdate")
class RegisterSecurityUpdateDelegate implements JavaDelegate {

  /** Form labels for the refusal message (the API names its JSON fields). */
  private static final Map<String, String> LABELS = Map.of("product", "Produit", "kind", "Type de mise à jour",
      "critical", "Correctif critique", "affectedVersions", "Versions concernées", "fixedVersion", "Version corrective",
      "advisory", "Bulletin", "cveIds", "CVE", "publishedAt", "Publication");
  private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]");

  private final UpdateIntake intake;
  private final UpdateRegister register;
  private final Moments moments;
  private final Deadlines deadlines;

  RegisterSecurityUpdateDelegate(UpdateIntake intake, UpdateRegister register, Moments moments, Deadlines deadlines) {
    this.intake = intake;
    this.register = register;
    this.moments = moments;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = REFERENCE.get(execution);
    if (reference == null) {
      Publication publication = fromForm(execution);
      List<String> problems = new ArrayList<>();
      intake.problems(publication).forEach(e -> problems.add(label(e) + " : " + e.message()));
      if (problems.isEmpty()) {
        intake.existing(publication).ifPresent(existing -> problems.add("Bulletin : ce bulletin est déjà enregistré pour "
            + publication.product() + " sous la référence " + existing));
      }
      if (!problems.isEmpty()) {
        throw Refusal.of("Mise à jour refusée", problems);
      }
      reference = intake.record(publication);
      register.started(reference, execution.getProcessInstanceId());
      REFERENCE.set(execution, reference);
    }
    UpdateRegister.Update update = register.find(reference).orElseThrow();
    execution.setProcessBusinessKey(reference);
    UpdateFacts.write(execution, update, moments, deadlines);
  }

  private Publication fromForm(DelegateExecution execution) {
    String answer = CRITICAL_ANSWER.text(execution);
    Boolean critical = "oui".equals(answer) ? Boolean.TRUE : "non".equals(answer) ? Boolean.FALSE : null;
    Instant publishedAt;
    try {
      publishedAt = PUBLISHED_AT_INPUT.instant(execution, moments);
    } catch (IllegalArgumentException e) {
      throw Refusal.of("Mise à jour refusée", List.of("Publication : " + e.getMessage()));
    }
    return new Publication(PRODUCT.text(execution), KIND.text(execution), critical,
        AFFECTED_VERSIONS_TEXT.lines(execution), FIXED_VERSION.text(execution), ADVISORY.text(execution),
        CVE_IDS_TEXT.words(execution), publishedAt);
  }

  private static String label(Problem e) {
    Matcher m = INDEXED.matcher(e.field());
    if (m.matches()) {
      return LABELS.getOrDefault(m.group(1), m.group(1)) + ", ligne " + (Integer.parseInt(m.group(2)) + 1);
    }
    return LABELS.getOrDefault(e.field(), e.field());
  }


  static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }
}
