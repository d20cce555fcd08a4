package com.mileotech.cyber.improvement;

import com.mileotech.cyber.system.Published;
import java.time.Instant;

/**
 * One improvement action of a security incident's lessons-learned report (PROC-CYB-005 §06): what
 * is to be done, by whom, by when, and once closed, who closed it, when (the server's clock), what
 * was done and how its effect was checked, with an optional evidence reference.
 *
 * @param position its row in the report (1 to 5)
 * @param exercise the incident is an exercise (no figure counts it)
 */
@Published
public record ImprovementAction(long id, String reference, String clientId, int position, String label, String owner,
    String ownerName, Instant dueAt, Status status, String closedBy, Instant closedAt, String whatWasDone,
    String effectCheck, String evidenceReference, boolean exercise) {

  /** Open until closed with the evidence of its effect. */
  public enum Status {
    OPEN("ouverte", "Ouverte"),
    CLOSED("close", "Close");

    private final String code;
    private final String label;

    Status(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }

    static Status of(String code) {
      for (Status status : values()) {
        if (status.code.equals(code)) {
          return status;
        }
      }
      throw new IllegalArgumentException("Unknown improvement action status " + code);
    }
  }

  /** Whether it is still open past its due date at {@code now}. */
  public boolean overdueAt(Instant now) {
    return status == Status.OPEN && now.isAfter(dueAt);
  }
}
