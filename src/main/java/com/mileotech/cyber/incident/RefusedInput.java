package com.mileotech.cyber.incident;

import java.util.List;

/**
 * A task or start form submission that the procedure refuses: the whole submission is rolled
 * back and Tasklist shows this message as it is. Deliberately not a ProcessEngineException, which
 * the engine and its REST API would wrap in English technical text.
 */
public class RefusedInput extends RuntimeException {

  public RefusedInput(String message) {
    super(message);
  }

  /** "Signalement refusé : le client est obligatoire ; la description est obligatoire." */
  static RefusedInput of(String what, List<String> problems) {
    return new RefusedInput(what + " : " + String.join(" ; ", problems) + ".");
  }
}
