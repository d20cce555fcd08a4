package com.mileotech.cyber.update;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which versions an advisory affects, kept simple (docs/security-updates.md). Each entry of the
 * list is one of: {@code *} (every version), {@code 5.2.0} or {@code =5.2.0} (that version),
 * {@code <5.2.1}, {@code <=5.2.0}, {@code >5.0}, {@code >=5.0} (open range), {@code 5.0 - 5.2.0}
 * (inclusive range). A version is compared segment by segment (separators {@code . - _} and
 * spaces): numbers as numbers, other segments alphabetically ignoring case; a missing segment
 * counts as 0, so {@code 5.2} = {@code 5.2.0}. "2024 R2" &gt; "2024 R1"; "10.12.1" &gt; "10.9".
 */
final class Versions {

  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9]+([._ -]?[A-Za-z0-9]+)*");
  private static final Pattern SEGMENTS = Pattern.compile("[._ -]+");
  private static final String RANGE = " - ";

  private Versions() {}

  /** Why the entry is not a version condition, or null when it is one. */
  static String problem(String entry) {
    if (entry == null || entry.isBlank()) {
      return "condition de version vide";
    }
    String e = entry.trim();
    if (e.equals("*")) {
      return null;
    }
    if (e.contains(RANGE)) {
      String[] bounds = e.split(RANGE, -1);
      if (bounds.length != 2 || !isVersion(bounds[0]) || !isVersion(bounds[1])) {
        return "intervalle illisible " + com.mileotech.cyber.system.Limits.quote(e) + " (ex. 5.0 - 5.2.0)";
      }
      return compare(bounds[0], bounds[1]) > 0
          ? "intervalle vide " + com.mileotech.cyber.system.Limits.quote(e) + " : la première borne dépasse la seconde" : null;
    }
    String version = e.replaceFirst("^(<=|>=|<|>|=)", "").trim();
    return isVersion(version) ? null
        : "condition de version illisible " + com.mileotech.cyber.system.Limits.quote(e)
            + " (ex. 5.2.0, <5.2.1, <=5.2.0, >=5.0, 5.0 - 5.2.0 ou *)";
  }

  /** Whether {@code version} satisfies one of the (valid) entries. */
  static boolean affected(List<String> entries, String version) {
    return entries.stream().anyMatch(e -> matches(e, version));
  }

  static boolean matches(String entry, String version) {
    String e = entry.trim();
    if (e.equals("*")) {
      return true;
    }
    if (e.contains(RANGE)) {
      String[] bounds = e.split(RANGE);
      return compare(version, bounds[0]) >= 0 && compare(version, bounds[1]) <= 0;
    }
    for (String op : List.of("<=", ">=", "<", ">", "=")) {
      if (e.startsWith(op)) {
        int c = compare(version, e.substring(op.length()).trim());
        return switch (op) {
          case "<=" -> c <= 0;
          case ">=" -> c >= 0;
          case "<" -> c < 0;
          case ">" -> c > 0;
          default -> c == 0;
        };
      }
    }
    return compare(version, e) == 0;
  }

  static int compare(String a, String b) {
    String[] x = SEGMENTS.split(a.trim().toLowerCase(Locale.ROOT));
    String[] y = SEGMENTS.split(b.trim().toLowerCase(Locale.ROOT));
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String s = i < x.length ? x[i] : "0";
      String t = i < y.length ? y[i] : "0";
      boolean sNum = s.chars().allMatch(Character::isDigit);
      boolean tNum = t.chars().allMatch(Character::isDigit);
      int c = sNum && tNum ? new BigInteger(s).compareTo(new BigInteger(t)) : sNum ? -1 : tNum ? 1 : s.compareTo(t);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  static boolean isVersion(String text) {
    return text != null && text.trim().length() <= 100 && VERSION.matcher(text.trim()).matches();
  }
}
