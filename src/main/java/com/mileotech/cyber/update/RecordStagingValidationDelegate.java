package com.mileotech.cyber.update;

import static com.mileotech.cyber.update.SecurityUpdateVariables.*;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.Moments;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la validation en préproduction", right after "Valider la mise à jour en préproduction":
 * validated (who, when, the
 * environment) or failed with what went wrong; refused when incomplete.
 */
@Component("recordStagingValidation")
class RecordStagingValidationDelegate implements JavaDelegate {

  static final String VALIDATED = "validee";
  static final String FAILED = "echec";

  private final UpdateRegister register;
  private final IdentityService identityService;
  private final Moments moments;

  RecordStagingValidationDelegate(UpdateRegister register, IdentityService identityService, Moments moments) {
    this.register = register;
    this.identityService = identityService;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String result = STAGING_RESULT.text(execution);
    String environment = STAGING_ENVIRONMENT.text(execution);
    String comment = STAGING_COMMENT.text(execution);
    List<String> problems = new ArrayList<>();
    if (!VALIDATED.equals(result) && !FAILED.equals(result)) {
      problems.add("résultat de la validation obligatoire (validée ou en échec)");
    }
    if (environment == null) {
      problems.add("environnement de préproduction obligatoire");
    }
    if (FAILED.equals(result) && comment == null) {
      problems.add("décrivez l'échec constaté");
    }
    if (!problems.isEmpty()) {
      throw Refusal.of("Validation non enregistrée", problems);
    }
    boolean validated = VALIDATED.equals(result);
    STAGING_VALIDATED.set(execution, validated);
    String reference = REFERENCE.get(execution);
    String clientId = CLIENT_ID.get(execution);
    var auth = identityService.getCurrentAuthentication();
    String by = auth == null ? null : auth.getUserId();
    if (validated) {
      register.stagingValidated(reference, clientId, by, moments.now());
      STAGING_VALIDATED_BY.set(execution, by);
    } else {
      Integer failures = STAGING_FAILURES.get(execution);
      STAGING_FAILURES.set(execution, failures == null ? 1 : failures + 1);
      STAGING_FAILURE.set(execution, comment);
    }
  }
}
