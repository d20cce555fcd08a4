package com.mileotech.cyber.update;

import static com.mileotech.cyber.update.SecurityUpdateVariables.*;

import com.mileotech.cyber.commissioning.Status;
import com.mileotech.cyber.reminder.Deadlines;
import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.Moments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la revérification", right after "Revérifier le point": when (the deadline kept or not),
 * and Conforme, Non conforme or Non applicable, with
 * the finding (always: what was verified and how; for Non conforme the gap and the action planned;
 * for Non applicable the justification). Who and when go to the register.
 */
@Component("recordReverification")
class RecordReverificationDelegate implements JavaDelegate {

  /** The statuses of a control point (commissioning's Status) by their stored code, with their French names. */
  static final Map<String, String> STATUSES = Arrays.stream(Status.values())
      .collect(Collectors.toUnmodifiableMap(Status::name, Status::label));

  private final Deadlines deadlines;
  private final ReverificationRegister register;
  private final IdentityService identityService;
  private final Moments moments;

  RecordReverificationDelegate(ReverificationRegister register, IdentityService identityService, Moments moments, Deadlines deadlines) {
    this.deadlines = deadlines;
    this.register = register;
    this.identityService = identityService;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deadlines.recordOutcome(execution, "reverification"); // undone with the rest by a refusal
    String status = REVERIFICATION_STATUS.text(execution);
    String comment = REVERIFICATION_COMMENT.text(execution);
    List<String> problems = new ArrayList<>();
    if (status == null || !STATUSES.containsKey(status)) {
      problems.add("résultat obligatoire : Conforme, Non conforme ou Non applicable");
    }
    if (comment == null) {
      problems.add("constat obligatoire (ce qui a été vérifié et comment, l'écart ou la justification)");
    }
    if (!problems.isEmpty()) {
      throw Refusal.of("Revérification non enregistrée", problems);
    }
    var auth = identityService.getCurrentAuthentication();
    register.verified(INCIDENT_REFERENCE.get(execution), CLIENT_ID.get(execution),
        SITE_ID.get(execution), POINT_ID.get(execution), status, comment,
        auth == null ? null : auth.getUserId(), moments.now());
    CONTROL_COMPLIANT.set(execution, !"NON_CONFORME".equals(status));
  }
}
