package com.mileotech.cyber.notification;

import com.mileotech.cyber.system.Moments;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The order of the moments a filing states: none may precede the facts it answers. */
final class FilingTimes {

  private FilingTimes() {}

  /**
   * A problem when {@code at} precedes {@code earlier} (e.g. the awareness a filing answers):
   * "le dépôt (4 mars 2026 à 9 h 00, heure de Paris) ne peut pas précéder ..."; null when it
   * does not, or when either is unknown.
   */
  static String notBefore(Instant at, Instant earlier, Moments moments, String what, String earlierWhat) {
    // a person types minutes: a time in the same minute as the moment it answers does not precede it
    if (at == null || earlier == null || !at.isBefore(earlier.truncatedTo(ChronoUnit.MINUTES))) {
      return null;
    }
    return what + " (" + moments.wordsWithZone(at) + ") ne peut pas précéder " + earlierWhat + " ("
        + moments.wordsWithZone(earlier) + ") : vérifiez le jour, le mois et l'heure";
  }
}
