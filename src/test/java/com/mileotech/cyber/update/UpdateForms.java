package com.mileotech.cyber.update;

import static com.mileotech.cyber.update.SecurityUpdateVariables.ADVISORY;
import static com.mileotech.cyber.update.SecurityUpdateVariables.AFFECTED_VERSIONS_TEXT;
import static com.mileotech.cyber.update.SecurityUpdateVariables.APPLICATION_TEXT;
import static com.mileotech.cyber.update.SecurityUpdateVariables.CRITICAL_ANSWER;
import static com.mileotech.cyber.update.SecurityUpdateVariables.CVE_IDS_TEXT;
import static com.mileotech.cyber.update.SecurityUpdateVariables.FIXED_VERSION;
import static com.mileotech.cyber.update.SecurityUpdateVariables.KIND;
import static com.mileotech.cyber.update.SecurityUpdateVariables.PRODUCT;
import static com.mileotech.cyber.update.SecurityUpdateVariables.PUBLISHED_AT_INPUT;
import static com.mileotech.cyber.update.SecurityUpdateVariables.REVERIFICATION_COMMENT;
import static com.mileotech.cyber.update.SecurityUpdateVariables.REVERIFICATION_STATUS;
import static com.mileotech.cyber.update.SecurityUpdateVariables.STAGING_COMMENT;
import static com.mileotech.cyber.update.SecurityUpdateVariables.STAGING_ENVIRONMENT;
import static com.mileotech.cyber.update.SecurityUpdateVariables.STAGING_RESULT;

import com.mileotech.cyber.system.ProcessVariable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The form driver of security-update (its publication), security-update-client (staging validation,
 * application) and hardening-reverification: a valid submission of each of their forms
 * (forms/update-*.form) as Tasklist sends it, and the bodies a feed or staff send to the API
 * (POST /api/security-updates, PUT of a site's software). The one place tests build what a person or a
 * feed submits in these processes: the update scenarios ({@link UpdateScenario}), the API and fuzz
 * tests, the incident's hardening scenarios and the access matrix. Form keys are the contract's
 * ({@link SecurityUpdateVariables}); a value given as null is left out, as a blank field is. Every
 * submission is a new mutable map: a test that needs an invalid one starts from the valid one and
 * breaks one thing.
 */
public final class UpdateForms {

  // the forms' keys that are no variable of SecurityUpdateVariables (the delegate reads them by name)
  static final String APPLIED_AT_INPUT = "appliedAtInput";
  /** The staging results and the re-verification statuses of the forms. */
  public static final String STAGING_VALIDATED = "validee";
  public static final String STAGING_FAILED = "echec";
  public static final String CONFORME = "CONFORME";
  public static final String NON_CONFORME = "NON_CONFORME";

  private UpdateForms() {}

  // ------------------------------------------------------------------ Publier une mise à jour (start form)

  /**
   * The start form as the referent fills it in: the kind ({@link UpdateKind} code), the product, critical
   * ("oui"/"non"), the affected versions (one condition per line), the fixing version, the advisory, the
   * CVE ids (as typed, separated by commas) and the publication time as typed ("2026-03-02T09:00", Paris).
   */
  public static Map<String, Object> publication(String kind, String product, boolean critical, String affectedVersions,
      String fixedVersion, String advisory, String cveIds, String publishedAt) {
    Map<String, Object> form = new HashMap<>();
    put(form, KIND, kind);
    put(form, PRODUCT, product);
    put(form, CRITICAL_ANSWER, critical ? "oui" : "non");
    put(form, AFFECTED_VERSIONS_TEXT, affectedVersions);
    put(form, FIXED_VERSION, fixedVersion);
    put(form, ADVISORY, advisory);
    put(form, CVE_IDS_TEXT, cveIds);
    put(form, PUBLISHED_AT_INPUT, publishedAt);
    return form;
  }

  /** The same, published at that instant's wall-clock time in Paris ({@link #paris}). */
  public static Map<String, Object> publication(String kind, String product, boolean critical, String affectedVersions,
      String fixedVersion, String advisory, String cveIds, Instant publishedAt) {
    return publication(kind, product, critical, affectedVersions, fixedVersion, advisory, cveIds, paris(publishedAt));
  }

  // ------------------------------------------------------------------ security-update-client

  /** Valider en préproduction: validated on {@code environment}. */
  public static Map<String, Object> stagingValidated(String environment) {
    return staging(STAGING_VALIDATED, environment, null);
  }

  /** Valider en préproduction: failed on {@code environment}, with what was seen (either null: left blank). */
  public static Map<String, Object> stagingFailed(String environment, String comment) {
    return staging(STAGING_FAILED, environment, comment);
  }

  private static Map<String, Object> staging(String result, String environment, String comment) {
    Map<String, Object> form = new HashMap<>();
    put(form, STAGING_RESULT, result);
    put(form, STAGING_ENVIRONMENT, environment);
    put(form, STAGING_COMMENT, comment);
    return form;
  }

  /**
   * Appliquer la mise à jour: one line per item ("serial ; appliquee ; 10.12.5", "serial ; fin-de-support ;
   * reason"...), and when the work was done, as typed ("2026-03-02T09:00", Paris).
   */
  public static Map<String, Object> application(String lines, String appliedAt) {
    Map<String, Object> form = new HashMap<>();
    put(form, APPLICATION_TEXT, lines);
    form.put(APPLIED_AT_INPUT, appliedAt);
    return form;
  }

  /** The same, done at that instant's wall-clock time in Paris. */
  public static Map<String, Object> application(String lines, Instant appliedAt) {
    return application(lines, paris(appliedAt));
  }

  // ------------------------------------------------------------------ hardening-reverification

  /** Revérifier le point de contrôle: {@link #CONFORME}, {@link #NON_CONFORME} or NON_APPLICABLE, and what was seen (null: none). */
  public static Map<String, Object> reverification(String status, String comment) {
    Map<String, Object> form = new HashMap<>();
    put(form, REVERIFICATION_STATUS, status);
    put(form, REVERIFICATION_COMMENT, comment);
    return form;
  }

  // ------------------------------------------------------------------ the API

  /**
   * The body of POST /api/security-updates as a maker's or CERT feed sends it: {@code publishedAt} with its
   * offset ("2026-03-02T07:00:00+01:00"), {@code critical} null for a feed that leaves it out.
   */
  public static Map<String, Object> publicationRequest(String product, String kind, Boolean critical,
      List<String> affectedVersions, String fixedVersion, String advisory, List<String> cveIds, String publishedAt) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("product", product);
    body.put("kind", kind);
    if (critical != null) {
      body.put("critical", critical);
    }
    body.put("affectedVersions", affectedVersions);
    body.put("fixedVersion", fixedVersion);
    body.put("advisory", advisory);
    body.put("cveIds", cveIds);
    body.put("publishedAt", publishedAt);
    return body;
  }

  /** The body of PUT /api/clients/{client}/sites/{site}/software/{kind}: what runs there, in which version. */
  public static Map<String, Object> software(String product, String version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("product", product);
    body.put("version", version);
    return body;
  }

  // ------------------------------------------------------------------ typing

  /** "2026-03-05T14:00" style wall-clock text in Paris for an instant, as the datetime fields submit it. */
  public static String paris(Instant instant) {
    return instant.atZone(ZoneId.of("Europe/Paris")).toLocalDateTime().toString();
  }

  private static void put(Map<String, Object> form, ProcessVariable<?> field, Object value) {
    if (value != null) {
      form.put(field.name(), value);
    }
  }
}
