package com.mileotech.cyber.incident;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A value of a closed list as stored in process variables (a stable code) and shown to people (a French label). */
interface Code {

  String code();

  String label();

  static <E extends Enum<E> & Code> Optional<E> find(Class<E> type, Object code) {
    if (code == null) {
      return Optional.empty();
    }
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code.toString())).findFirst();
  }

  static <E extends Enum<E> & Code> String allowed(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Code::code).collect(Collectors.joining(", "));
  }
}
