package com.mileotech.cyber.system;

import java.util.Collection;
import java.util.Locale;

/**
 * The limits of what a person or an integration may send, whatever the entry point (docs/limits.md):
 * each text fits where it is stored and holds only characters every database keeps; each list and
 * number is bounded. The checks answer a French problem for {@link Refusal.Problem}, or null when
 * the value is fine, and are made before anything is written or a reference is taken.
 */
@Published
public final class Limits {

  /** A line of text without a limit of its own (a form's text field). */
  public static final int LINE = 500;
  /** A text area: what a Camunda text variable holds (4,000 characters). */
  public static final int TEXT = 4000;
  /** An identifier of the registry (a client, a site) or a code of a fixed list. */
  public static final int ID = 64;
  /** A list without a limit of its own. */
  public static final int LIST = 200;
  /** Sites named by one security incident: their names, joined, are a 4,000-character text variable. */
  public static final int SITES_PER_INCIDENT = 15;
  /** A number without bounds of its own stays a Java int, whatever the column or variable holding it. */
  public static final long NUMBER = 1_000_000_000L;
  /** No date the product records is older: earlier is a typing error (a day-month swap, a missing digit). */
  public static final java.time.Instant EARLIEST = java.time.Instant.parse("2000-01-01T00:00:00Z");
  /** What a refusal quotes back of an input. */
  static final int QUOTED = 60;

  private Limits() {}

  /** Too long, or a character that cannot be stored (see {@link #characterProblem}); null when fine. */
  public static String textProblem(String text, int max) {
    if (text == null) {
      return null;
    }
    if (text.length() > max) {
      return "texte trop long (" + text.length() + " caractères, au plus " + max + ")";
    }
    return characterProblem(text);
  }

  /**
   * A control character other than tab and line breaks (PostgreSQL refuses U+0000, a terminal or a
   * PDF shows the others as garbage), or half of a UTF-16 surrogate pair (no database encodes it);
   * null when every character is fine. Accents, emoji and every script are fine.
   */
  public static String characterProblem(String text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "caractère invalide (moitié d'une paire UTF-16) en position " + (i + 1);
      } else if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
        return "caractère de contrôle interdit (U+" + String.format(Locale.ROOT, "%04X", (int) c) + ") en position "
            + (i + 1);
      }
    }
    return null;
  }

  /** An identifier or a code: one line, at most {@link #ID} characters. */
  public static String idProblem(String id) {
    if (id == null) {
      return null;
    }
    if (id.length() > ID) {
      return "identifiant trop long (" + id.length() + " caractères, au plus " + ID + ")";
    }
    String characters = characterProblem(id);
    if (characters != null) {
      return characters;
    }
    return id.contains("\n") || id.contains("\r") || id.contains("\t") ? "identifiant sur une seule ligne attendu" : null;
  }

  /** A date before {@link #EARLIEST}; null when fine (the future is each rule's to judge). */
  public static String pastProblem(java.time.Instant instant) {
    return instant != null && instant.isBefore(EARLIEST) ? "date invraisemblable (avant l'an 2000)" : null;
  }

  /** More than {@code max} items; null when fine. */
  public static String listProblem(Collection<?> list, int max) {
    return list != null && list.size() > max ? "liste trop longue (" + list.size() + " éléments, au plus " + max + ")" : null;
  }

  /**
   * A text the server composes for people to read (a list of equipment, of sites), cut to fit a
   * text variable: whole lines only, then how many were left out. The facts themselves are kept in
   * full where they belong (the register); this is what a mail or a form shows.
   */
  public static String fit(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    StringBuilder kept = new StringBuilder();
    int shown = 0;
    for (String line : lines) {
      int room = max - 60 - kept.length() - (kept.isEmpty() ? 0 : 1);
      if (line.length() > room) {
        break;
      }
      if (!kept.isEmpty()) {
        kept.append('\n');
      }
      kept.append(line);
      shown++;
    }
    if (shown == 0) {
      kept.append(text, 0, max - 60);
    }
    return kept.append(kept.isEmpty() ? "" : "\n").append("… (").append(lines.length - shown)
        .append(" ligne(s) de plus : voir le registre)").toString();
  }

  /** A line the server composes, cut to {@code max} characters with "…" (never half of a character pair). */
  public static String shorten(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /**
   * An input as a refusal quotes it back: « … », at most {@value #QUOTED} characters, control
   * characters shown as their code. A refusal answers what was wrong, it does not echo a megabyte.
   */
  public static String quote(Object input) {
    String text = String.valueOf(input);
    StringBuilder quoted = new StringBuilder("« ");
    int shown = 0;
    for (int i = 0; i < text.length() && shown < QUOTED; i++, shown++) {
      char c = text.charAt(i);
      if (Character.getType(c) == Character.CONTROL || Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))) {
        quoted.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        quoted.append(c);
        if (Character.isHighSurrogate(c)) {
          quoted.append(text.charAt(++i));
        }
      }
    }
    if (shown < text.length() && text.length() > QUOTED) {
      quoted.append("… (").append(text.length()).append(" caractères)");
    }
    return quoted.append(" »").toString();
  }
}
