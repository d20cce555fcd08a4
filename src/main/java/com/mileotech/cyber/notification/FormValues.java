package com.mileotech.cyber.notification;

import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Values as Camunda Forms submit them: texts, lists, numbers. Dates and times go through
 * {@link com.mileotech.cyber.system.Moments} (ISO with an offset, or wall-clock time in mileo.zone).
 */
final class FormValues {

  private FormValues() {}

  /** A text, or a list (a checklist arrives as a JSON array) joined with commas; blank is null. */
  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    String text;
    if (value instanceof SpinJsonNode json && json.isArray()) {
      text = json.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString())
          .collect(Collectors.joining(", "));
    } else if (value instanceof Collection<?> list) {
      text = list.stream().map(String::valueOf).collect(Collectors.joining(", "));
    } else {
      text = value.toString();
    }
    text = text.trim();
    return text.isEmpty() ? null : text;
  }

  /**
   * A date-time field as the person typed it ("05/12/2026 14:30", Paris time, day first) with its
   * repeated-hour choice; an unreadable or impossible one refuses the submission, named.
   */
  static java.time.Instant instant(VariableScope scope, String name, com.mileotech.cyber.system.Moments moments,
      String what, String field) {
    try {
      return moments.typed(scope, name);
    } catch (IllegalArgumentException e) {
      throw com.mileotech.cyber.system.Refusal.of(what, field + " : " + e.getMessage());
    }
  }

  /**
   * A problem when {@code at} precedes {@code earlier} (a date variable, e.g. the awareness a
   * filing answers): "le dépôt (4 mars 2026 à 9 h 00, heure de Paris) ne peut pas précéder ...";
   * null when it does not, or when either is unknown.
   */
  static String notBefore(java.time.Instant at, Object earlier, com.mileotech.cyber.system.Moments moments,
      String what, String earlierWhat) {
    // a person types minutes: a time in the same minute as the moment it answers does not precede it
    if (at == null || !(earlier instanceof java.util.Date date)
        || !at.isBefore(date.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
      return null;
    }
    return what + " (" + moments.wordsWithZone(at) + ") ne peut pas précéder " + earlierWhat + " ("
        + moments.wordsWithZone(date.toInstant()) + ") : vérifiez le jour, le mois et l'heure";
  }

  /** A whole number; anything else is refused naming the field (never a server error, never a silent cut). */
  static Integer integer(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    BigDecimal number;
    if (value instanceof Number n) {
      number = Double.isFinite(n.doubleValue()) ? new BigDecimal(n.toString()) : null;
    } else {
      String text = text(scope, name);
      if (text == null) {
        return null;
      }
      try {
        number = new BigDecimal(text.replace(',', '.'));
      } catch (NumberFormatException e) {
        number = null;
      }
    }
    if (number == null || number.stripTrailingZeros().scale() > 0
        || number.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      throw Refusal.of("Formulaire refusé", List.of(name + " : nombre entier attendu"));
    }
    return number.intValueExact();
  }

  /** A date and time a person gave ({@link Moments#instant}); unreadable, refused naming the field. */
  static Instant instant(VariableScope scope, String name, Moments moments) {
    try {
      return moments.instant(scope.getVariable(name));
    } catch (IllegalArgumentException e) {
      throw Refusal.of("Formulaire refusé", List.of(name + " : " + e.getMessage()));
    }
  }
}
