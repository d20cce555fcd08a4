package com.mileotech.cyber.update;

import static com.mileotech.cyber.update.SecurityUpdateVariables.PROCESS_KEY;
import static com.mileotech.cyber.update.SecurityUpdateVariables.REFERENCE;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.CreateOnce;
import com.mileotech.cyber.reminder.Deadlines;
import com.mileotech.cyber.security.PrivilegedCall;
import com.mileotech.cyber.system.ApiException;
import com.mileotech.cyber.system.Refusal.Problem;
import com.mileotech.cyber.system.References;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * Registers a published security update and starts its process. The same advisory for the same
 * product is the same update: a second call answers the first one's reference, even when two calls
 * race (the register's unique key decides). Nothing is started and no reference is spent on a
 * refused publication.
 */
@Service
class UpdateIntake {

  static final String PREFIX = "MAJ";

  private final PublicationValidator validator;
  private final UpdateRegister register;
  private final References references;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Deadlines deadlines;
  private final CreateOnce createOnce;
  private final PrivilegedCall privileged;

  UpdateIntake(PublicationValidator validator, UpdateRegister register, References references,
      RuntimeService runtimeService, IdentityService identityService, Deadlines deadlines,
      CreateOnce createOnce, PrivilegedCall privileged) {
    this.validator = validator;
    this.register = register;
    this.references = references;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.deadlines = deadlines;
    this.createOnce = createOnce;
    this.privileged = privileged;
  }


  /** From the API. @throws ApiException 400 naming each refused field */
  CreateOnce.Outcome publish(Publication publication) {
    List<Problem> errors = validator.validate(publication);
    if (!errors.isEmpty()) {
      throw Refusal.fields(errors);
    }
    return createOnce.findOrCreate(() -> register.referenceOf(publication), () -> {
      String reference = record(publication);
      // the controller admitted the caller (integrations); a service account holds no
      // CREATE_INSTANCE, so that /engine-rest cannot bypass the register and its de-duplication
      String pid = privileged.call(() ->
          runtimeService.startProcessInstanceByKey(PROCESS_KEY, reference, REFERENCE.map(reference)).getId());
      register.started(reference, pid);
      return reference;
    });
  }

  /** Gives a validated publication its reference and enters it in the register (current transaction). */
  String record(Publication publication) {
    String reference = references.next(PREFIX);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    register.insert(reference, publication, dueAt(publication), currentUser(), now);
    return reference;
  }

  List<Problem> problems(Publication publication) {
    return validator.validate(publication);
  }

  Optional<String> existing(Publication publication) {
    return register.referenceOf(publication);
  }

  /** When the work is due everywhere: the rule's span after the publication. */
  Instant dueAt(Publication publication) {
    return deadlines.dueAfter(publication.deadlineRule(), publication.publishedAt());
  }

  private String currentUser() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }


}
