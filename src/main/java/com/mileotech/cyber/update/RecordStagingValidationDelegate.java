package com.mileotech.cyber.update;

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
    String result = RegisterSecurityUpdateDelegate.text(execution.getVariable("stagingResult"));
    String environment = RegisterSecurityUpdateDelegate.text(execution.getVariable("stagingEnvironment"));
    String comment = RegisterSecurityUpdateDelegate.text(execution.getVariable("stagingComment"));
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
    execution.setVariable("stagingValidated", validated);
    String reference = (String) execution.getVariable("reference");
    String clientId = (String) execution.getVariable("clientId");
    var auth = identityService.getCurrentAuthentication();
    String by = auth == null ? null : auth.getUserId();
    if (validated) {
      register.stagingValidated(reference, clientId, by, moments.now());
      execution.setVariable("stagingValidatedBy", by);
    } else {
      Integer failures = (Integer) execution.getVariable("stagingFailures");
      execution.setVariable("stagingFailures", failures == null ? 1 : failures + 1);
      execution.setVariable("stagingFailure", comment);
    }
  }
}
