package com.mileotech.cyber.update;

import com.mileotech.cyber.commissioning.EquipmentInventory;
import com.mileotech.cyber.system.Limits;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The checks every publication passes, each naming its field. A product is known when at least
 * one client runs it as that kind in the inventory (equipment model for firmware, product of the
 * site's VMS or operating system): an advisory for something no client runs concerns nobody, and
 * is far more likely a typing error than news. Every text and list fits the register's columns
 * (docs/limits.md), checked before the inventory is searched.
 */
@Component
class PublicationValidator {

  static final int PRODUCT_MAX = 200;
  static final int ADVISORY_MAX = 200;
  /** security_update.affected_versions: the entries, one per line */
  static final int AFFECTED_VERSIONS_MAX = 1000;
  static final int AFFECTED_ENTRIES_MAX = 50;
  /** security_update.cve_ids: comma-separated */
  static final int CVE_IDS_MAX = 1000;
  static final int CVE_ENTRIES_MAX = 50;
  private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,7}");

  private final EquipmentInventory inventory;
  private final Moments moments;

  PublicationValidator(EquipmentInventory inventory, Moments moments) {
    this.inventory = inventory;
    this.moments = moments;
  }

  List<Problem> validate(Publication p) {
    List<Problem> errors = new ArrayList<>();
    Optional<UpdateKind> kind = Optional.empty();
    if (p.kind() == null || p.kind().isBlank()) {
      errors.add(new Problem("kind", "type de mise à jour obligatoire ; valeurs admises : " + UpdateKind.allowed()));
    } else {
      kind = UpdateKind.parse(p.kind());
      if (kind.isEmpty()) {
        errors.add(new Problem("kind", "type de mise à jour inconnu " + Limits.quote(p.kind()) + " ; valeurs admises : "
            + UpdateKind.allowed()));
      }
    }
    if (p.product() == null || p.product().isEmpty()) {
      errors.add(new Problem("product", "produit obligatoire"));
    } else if (p.product().length() > PRODUCT_MAX) {
      errors.add(new Problem("product", PRODUCT_MAX + " caractères au plus"));
    } else if (Limits.characterProblem(p.product()) != null) {
      errors.add(new Problem("product", Limits.characterProblem(p.product())));
    } else if (kind.isPresent() && !inventory.knows(p.product(), kind.get().inventoryKinds())) {
      errors.add(new Problem("product", "produit inconnu « " + p.product() + " » : aucun client n'a de "
          + kind.get().itemLabel() + " de ce nom dans l'inventaire"));
    }
    if (p.critical() == null) {
      errors.add(new Problem("critical", "criticité obligatoire : true (correctif de sécurité critique) ou false"));
    }
    boolean versionsFit = true;
    if (p.affectedVersions().isEmpty()) {
      errors.add(new Problem("affectedVersions", "au moins une version concernée (ex. <5.2.1, 5.0 - 5.2.0 ou *)"));
    } else if (p.affectedVersions().size() > AFFECTED_ENTRIES_MAX) {
      errors.add(new Problem("affectedVersions", Limits.listProblem(p.affectedVersions(), AFFECTED_ENTRIES_MAX)));
      versionsFit = false;
    } else if (joinedLength(p.affectedVersions(), 1) > AFFECTED_VERSIONS_MAX) {
      errors.add(new Problem("affectedVersions", "versions concernées trop longues (" + joinedLength(p.affectedVersions(), 1)
          + " caractères en tout, au plus " + AFFECTED_VERSIONS_MAX + ")"));
      versionsFit = false;
    }
    for (int i = 0; versionsFit && i < p.affectedVersions().size(); i++) {
      String problem = Versions.problem(p.affectedVersions().get(i));
      if (problem != null) {
        errors.add(new Problem("affectedVersions[" + i + "]", problem));
      }
    }
    if (p.fixedVersion() != null) {
      if (!Versions.isVersion(p.fixedVersion())) {
        errors.add(new Problem("fixedVersion", "version illisible " + Limits.quote(p.fixedVersion())));
      } else if (versionsFit && p.affectedVersions().stream().allMatch(v -> Versions.problem(v) == null)
          && Versions.affected(p.affectedVersions(), p.fixedVersion())) {
        errors.add(new Problem("fixedVersion", "la version corrective " + p.fixedVersion()
            + " fait partie des versions concernées"));
      }
    }
    if (p.advisory() == null || p.advisory().isEmpty()) {
      errors.add(new Problem("advisory", "référence du bulletin du constructeur ou du CERT obligatoire"));
    } else if (p.advisory().length() > ADVISORY_MAX) {
      errors.add(new Problem("advisory", ADVISORY_MAX + " caractères au plus"));
    } else if (Limits.characterProblem(p.advisory()) != null) {
      errors.add(new Problem("advisory", Limits.characterProblem(p.advisory())));
    }
    if (p.cveIds().size() > CVE_ENTRIES_MAX) {
      errors.add(new Problem("cveIds", Limits.listProblem(p.cveIds(), CVE_ENTRIES_MAX)));
    } else {
      for (int i = 0; i < p.cveIds().size(); i++) {
        if (p.cveIds().get(i) == null) {
          errors.add(new Problem("cveIds[" + i + "]", "identifiant CVE manquant"));
        } else if (!CVE.matcher(p.cveIds().get(i)).matches()) {
          errors.add(new Problem("cveIds[" + i + "]", "identifiant CVE mal formé " + Limits.quote(p.cveIds().get(i))
              + " (ex. CVE-2026-12345)"));
        }
      }
      if (joinedLength(p.cveIds(), 1) > CVE_IDS_MAX) {
        errors.add(new Problem("cveIds", "identifiants CVE trop longs en tout (au plus " + CVE_IDS_MAX + " caractères)"));
      }
    }
    if (p.publishedAt() == null) {
      errors.add(new Problem("publishedAt", "date et heure de publication obligatoires"));
    } else if (Limits.pastProblem(p.publishedAt()) != null) {
      errors.add(new Problem("publishedAt", Limits.pastProblem(p.publishedAt())));
    } else if (moments.isInFuture(p.publishedAt())) {
      errors.add(new Problem("publishedAt", "la publication ne peut pas être dans le futur ("
          + moments.wordsWithZone(p.publishedAt()) + ")"));
    }
    return errors;
  }

  /** The entries joined with a separator of {@code separator} characters, as the register stores them. */
  private static int joinedLength(List<String> entries, int separator) {
    return entries.stream().mapToInt(e -> e == null ? 0 : e.length()).sum()
        + Math.max(0, entries.size() - 1) * separator;
  }
}
