package com.mileotech.cyber.reminder.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The people a mail is for, as resolved when it is written: those with an address, and those
 * without one (named in escalations and kept on the outbox row).
 */
record Recipients(List<Person> people) {

  /** Someone to tell: a user account (userId) or a registry contact (no userId). */
  record Person(String userId, String name, String email) {
    boolean reachable() {
      return email != null && !email.isBlank();
    }

    /** "Prénom Nom (j.dupont)", or the name alone. */
    String label() {
      if (userId == null || userId.equals(name)) {
        return name;
      }
      return name == null || name.isBlank() ? userId : name + " (" + userId + ")";
    }
  }

  /** Collects people, each once (by address, or by account when they have none). */
  static final class Builder {
    private final Map<String, Person> people = new LinkedHashMap<>();

    Builder add(Person person) {
      String key = person.reachable() ? "mail:" + person.email().toLowerCase(Locale.ROOT) : "user:" + person.userId();
      people.putIfAbsent(key, person);
      return this;
    }

    Recipients build() {
      // someone known by account without an address, but reached by their registry address, is reached
      List<Person> all = new ArrayList<>(people.values());
      List<String> reachedUsers = all.stream().filter(Person::reachable).map(Person::userId)
          .filter(id -> id != null).toList();
      all.removeIf(p -> !p.reachable() && reachedUsers.contains(p.userId()));
      return new Recipients(all);
    }
  }

  List<String> addresses() {
    return people.stream().filter(Person::reachable).map(Person::email).toList();
  }

  List<String> unreachable() {
    return people.stream().filter(p -> !p.reachable()).map(Person::label).toList();
  }

  List<String> reachedLabels() {
    return people.stream().filter(Person::reachable).map(Person::label).toList();
  }
}
