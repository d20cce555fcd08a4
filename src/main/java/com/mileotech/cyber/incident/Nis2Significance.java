package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.system.FormField;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Whether a NIS2 client's incident is significant, as the law defines it: by the criteria of
 * Commission Implementing Regulation (EU) 2024/2690 (art. 3, and art. 5 to 14 for each kind of
 * entity) for the entities it covers, by NIS2 art. 23(3) for every other. The referent answers
 * yes or no to each criterion in the qualification form; any yes makes the incident significant.
 * The verdict, with the criteria met, is a fact of the incident that the table regulatory-
 * obligations reads for the NIS2 rules.
 */
final class Nis2Significance {

  /** The test of regulation (EU) 2024/2690. */
  static final String REGULATION_2024_2690 = "reglement-2024-2690";
  /** The test of NIS2 art. 23(3). */
  static final String NIS2_ART_23 = "nis2-art23";

  /** One criterion: its form field and its words in the record. */
  record Criterion(FormField field, String words) {}

  static final List<Criterion> REGULATION_CRITERIA = List.of(
      new Criterion(NIS2_FINANCIAL_LOSS, "perte financière directe de plus de 500 000 € ou 5 % du chiffre d'affaires "
          + "(règlement 2024/2690, art. 3, 1, a)"),
      new Criterion(NIS2_TRADE_SECRETS, "exfiltration de secrets d'affaires (art. 3, 1, b)"),
      new Criterion(NIS2_HARM_TO_PERSONS, "décès ou atteinte considérable à la santé d'une personne (art. 3, 1, c et d)"),
      new Criterion(NIS2_MALICIOUS_ACCESS, "accès malveillant non autorisé susceptible de causer une perturbation "
          + "opérationnelle grave (art. 3, 1, e)"),
      new Criterion(NIS2_SERVICE_CRITERIA, "critères propres au type de service atteints (art. 5 à 14)"));

  static final List<Criterion> ARTICLE_23_CRITERIA = List.of(
      new Criterion(NIS2_OPERATIONAL_DISRUPTION, "perturbation opérationnelle grave des services ou perte financière "
          + "pour l'entité (NIS2 art. 23, 3, a)"),
      new Criterion(NIS2_DAMAGE_TO_OTHERS, "dommages matériels ou immatériels considérables causés à d'autres "
          + "personnes (NIS2 art. 23, 3, b)"));

  private Nis2Significance() {}

  /** Which test the client's incidents answer: null for a client that is no NIS2 entity. */
  static String testOf(Client client) {
    if (!client.nis2Entity()) {
      return null;
    }
    return client.nis2EntityType() != null ? REGULATION_2024_2690 : NIS2_ART_23;
  }

  static List<Criterion> criteria(String test) {
    return REGULATION_2024_2690.equals(test) ? REGULATION_CRITERIA : NIS2_ART_23.equals(test) ? ARTICLE_23_CRITERIA : List.of();
  }

  /** Adds a problem for each criterion of the test left unanswered. */
  static void check(VariableScope execution, String test, List<String> problems) {
    for (Criterion criterion : criteria(test)) {
      String answer = criterion.field().text(execution);
      if (!"oui".equals(answer) && !"non".equals(answer)) {
        problems.add("test de significativité NIS2 : répondez par oui ou non à « " + criterion.words() + " »");
      }
    }
  }

  /**
   * Records the verdict of the test {@code answered} (the one the form asked; null: none, the
   * verdict is then absent and the severity stands in) with the criteria met; the answers stay on
   * the incident as the form gave them, those of another test are removed. {@code next}: the test
   * the next (re)qualification form asks, the client's as it is now.
   */
  static void record(VariableScope execution, String answered, String next) {
    NIS2_SIGNIFICANCE_TEST.set(execution, next);
    for (Criterion criterion : REGULATION_CRITERIA) {
      if (!REGULATION_2024_2690.equals(answered)) {
        FormField.removeAll(execution, criterion.field());
      }
    }
    for (Criterion criterion : ARTICLE_23_CRITERIA) {
      if (!NIS2_ART_23.equals(answered)) {
        FormField.removeAll(execution, criterion.field());
      }
    }
    if (answered == null) {
      NIS2_SIGNIFICANT.set(execution, null);
      NIS2_SIGNIFICANCE_BASIS.set(execution, null);
      return;
    }
    List<String> met = new ArrayList<>();
    for (Criterion criterion : criteria(answered)) {
      if ("oui".equals(criterion.field().text(execution))) {
        met.add(criterion.words());
      }
    }
    NIS2_SIGNIFICANT.set(execution, !met.isEmpty());
    NIS2_SIGNIFICANCE_BASIS.set(execution, met.isEmpty()
        ? "Incident non important au sens de " + lawOf(answered) + " : aucun critère rempli"
        : "Incident important au sens de " + lawOf(answered) + " : " + String.join(" ; ", met));
  }

  static String lawOf(String test) {
    return REGULATION_2024_2690.equals(test) ? "NIS2 (règlement d'exécution (UE) 2024/2690)" : "NIS2 (art. 23, 3)";
  }
}
