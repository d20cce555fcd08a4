package com.mileotech.cyber.system;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Input the product refuses, as a whole: the one refusal type of every form and API. Thrown before
 * anything is recorded, or inside the command that would record it, so the transaction (every
 * submitted variable, any reference spent) is rolled back.
 *
 * <p>A person reads only its French message: our API answers 400 {@code {"status", "message",
 * "errors": [{"field", "message"}]}} ({@link ApiErrors}); the engine's REST API, the one Tasklist
 * calls included, answers 400 {@code {"type": "Refusal", "message"}} (see
 * security/RefusalResponses). Deliberately not a ProcessEngineException: the engine and its REST
 * resources would wrap that in English technical text ("Cannot submit task form &lt;id&gt;: …").
 */
@Published
public class Refusal extends RuntimeException {

  /** The message of an API refusal whose problems each name a field. */
  public static final String INVALID_REQUEST = "Requête invalide";

  /** One problem; {@code field} names the input (a form key, or a JSON path such as {@code rssiContacts[0].email}), or is null. */
  public record Problem(String field, String message) {

    /** "field : message", or the message alone. */
    public String describe() {
      return field == null ? message : field + " : " + message;
    }
  }

  private final List<Problem> problems;

  private Refusal(String message, List<Problem> problems) {
    super(message, null, false, false);
    this.problems = List.copyOf(problems);
  }

  /** "Signalement refusé : le client est obligatoire ; la description est obligatoire." */
  public static Refusal of(String what, List<String> problems) {
    return new Refusal(sentence(what, problems), problems.stream().map(p -> new Problem(null, p)).toList());
  }

  public static Refusal of(String what, String problem) {
    return of(what, List.of(problem));
  }

  /** An API request with one bad field. */
  public static Refusal field(String field, String message) {
    return fields(List.of(new Problem(field, message)));
  }

  /** An API request with bad fields, each named. */
  public static Refusal fields(List<Problem> problems) {
    return new Refusal(INVALID_REQUEST, problems);
  }

  /** A form submission with bad fields, each named: "what : field : message ; …". */
  public static Refusal ofFields(String what, List<Problem> problems) {
    return new Refusal(sentence(what, problems.stream().map(Problem::describe).toList()), problems);
  }

  /** Collects what is wrong with a submission, then refuses it as a whole (or not at all). */
  public static Collector collect(String what) {
    return new Collector(what);
  }

  public List<Problem> problems() {
    return problems;
  }

  /** The problems as sentences ("field : message"). */
  public List<String> describedProblems() {
    return problems.stream().map(Problem::describe).toList();
  }

  private static String sentence(String what, List<String> problems) {
    String joined = problems.stream().collect(Collectors.joining(" ; "));
    return joined.isEmpty() ? what + "." : what + " : " + joined + (joined.endsWith(".") ? "" : ".");
  }

  /** See {@link #collect(String)}. */
  public static final class Collector {
    private final String what;
    private final List<String> problems = new ArrayList<>();

    private Collector(String what) {
      this.what = what;
    }

    public Collector require(boolean ok, String problem) {
      if (!ok) {
        problems.add(problem);
      }
      return this;
    }

    public Collector add(String problem) {
      problems.add(problem);
      return this;
    }

    public boolean isEmpty() {
      return problems.isEmpty();
    }

    public void throwIfAny() {
      if (!problems.isEmpty()) {
        throw Refusal.of(what, problems);
      }
    }
  }
}
