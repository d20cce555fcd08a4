package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.Refusal.Problem;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The inventory as Tasklist forms edit it: one line per piece of equipment,
 * {@code type ; modèle ; n° de série ; firmware ; mises à jour de sécurité (oui/non)}.
 *
 * <p>Why text and not a form-js dynamic list: Camunda 7.24's Tasklist renders dynamic lists, but
 * it decides whether a form is valid by counting the keys of form-js's error map, and form-js
 * keeps a key for every field edited inside a dynamic list (per-index entries, even when valid).
 * The first edit in a list disables "Start"/"Complete" for good. The API takes a JSON list.
 */
final class EquipmentText {

  static final String FORMAT = "type ; modèle ; n° de série ; firmware ; mises à jour de sécurité (oui/non)";

  private EquipmentText() {}

  /** The equipment of the text, or the problems, each naming its line. */
  record Parsed(List<Equipment> equipment, List<Problem> problems, List<Integer> lines) {

    /** Problems found on the parsed list (field equipment[i]...) restated with the text's line numbers. */
    List<String> restate(List<Problem> listProblems) {
      List<String> out = new ArrayList<>();
      for (Problem e : listProblems) {
        String field = e.field();
        String message = e.message();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("equipment\\[(\\d+)\\].*").matcher(field);
        if (m.matches()) {
          field = "equipmentText : ligne " + lines.get(Integer.parseInt(m.group(1)));
        } else if (field.equals("equipment")) {
          field = "equipmentText";
        }
        java.util.regex.Matcher d = java.util.regex.Pattern.compile("\\(déjà en equipment\\[(\\d+)\\]\\)").matcher(message);
        if (d.find()) {
          message = d.replaceFirst("(déjà ligne " + lines.get(Integer.parseInt(d.group(1))) + ")");
        }
        out.add(field + " : " + message);
      }
      return out;
    }
  }

  static Parsed parse(String field, String text) {
    List<Equipment> equipment = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    String[] lines = text == null ? new String[0] : text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String at = "ligne " + (i + 1);
      String[] parts = line.split(";", -1);
      if (parts.length != 5) {
        problems.add(new Problem(field, at + " : 5 éléments séparés par « ; » attendus (" + FORMAT + "), "
            + parts.length + " trouvé(s)"));
        continue;
      }
      String kind = kind(parts[0]);
      if (kind == null) {
        problems.add(new Problem(field, at + " : type inconnu « " + parts[0].strip() + " » (serveur, NVR ou caméra)"));
        continue;
      }
      Boolean updates = yesNo(parts[4]);
      if (updates == null) {
        problems.add(new Problem(field, at + " : mises à jour de sécurité « " + parts[4].strip() + " » : oui ou non attendu"));
        continue;
      }
      equipment.add(new Equipment(kind, parts[1].strip(), parts[2].strip(), parts[3].strip(), updates));
      lineNumbers.add(i + 1);
    }
    return new Parsed(equipment, problems, lineNumbers);
  }

  static String format(List<Equipment> equipment) {
    return equipment.stream().map(e -> String.join(" ; ", e.kindLabel(), e.model(), e.serialNumber(),
        e.firmwareVersion(), e.endOfSupport() ? "non" : "oui")).collect(Collectors.joining("\n"));
  }

  private static String kind(String text) {
    String k = plain(text);
    return switch (k) {
      case "SERVER", "SERVEUR", "SERVEUR VMS" -> "SERVER";
      case "NVR" -> "NVR";
      case "CAMERA", "CAMERA IP" -> "CAMERA";
      default -> null;
    };
  }

  private static Boolean yesNo(String text) {
    return switch (plain(text)) {
      case "OUI", "O", "YES", "TRUE" -> true;
      case "NON", "N", "NO", "FALSE" -> false;
      default -> null;
    };
  }

  private static String plain(String text) {
    return Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
  }
}
