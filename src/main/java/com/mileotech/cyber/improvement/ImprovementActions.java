package com.mileotech.cyber.improvement;

import com.mileotech.cyber.system.Published;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The improvement actions of the lessons-learned reports, as other features read them (the
 * incident file, the dashboard). Who may see which client is the caller's business: these read
 * whatever they are asked.
 */
@Published
@Component
public class ImprovementActions {

  private final ImprovementActionRegister register;

  ImprovementActions(ImprovementActionRegister register) {
    this.register = register;
  }

  /** The actions of one security incident's report, in its order; empty before its approval. */
  public List<ImprovementAction> forIncident(String reference) {
    return register.forIncident(reference);
  }

  /** The actions still open of these clients, exercises included (readers filter them), the earliest due first. */
  public List<ImprovementAction> openFor(List<String> clientIds) {
    return register.openFor(clientIds);
  }
}
