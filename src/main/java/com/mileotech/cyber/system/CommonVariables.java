package com.mileotech.cyber.system;

/**
 * The variables every process of ours carries under the same names, which process-independent
 * code reads (Tasklist task names, reminder mails): each process contract declares them as these.
 */
@Published
public final class CommonVariables {

  /** The business reference ("INC-2026-0001", "MES-…", "MAJ-…"), also the business key. */
  public static final ProcessVariable<String> REFERENCE = ProcessVariable.text("reference");
  /** The client's id (its tenant). */
  public static final ProcessVariable<String> CLIENT_ID = ProcessVariable.text("clientId");
  /** The client's name, as people read it. */
  public static final ProcessVariable<String> CLIENT_NAME = ProcessVariable.text("clientName");
  /** The site's id, for processes about one site. */
  public static final ProcessVariable<String> SITE_ID = ProcessVariable.text("siteId");
  /** The site's name (the first site of a security incident). */
  public static final ProcessVariable<String> SITE_NAME = ProcessVariable.text("siteName");

  /**
   * True when the security incident is an exercise (declared at report time or converted later),
   * copied to every process it opens: each mail it causes says EXERCICE, no figure counts it.
   */
  public static final ProcessVariable<Boolean> EXERCISE = ProcessVariable.bool("exercise");

  private CommonVariables() {}
}
