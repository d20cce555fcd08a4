package com.mileotech.cyber.system;

import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link StartupStep}s after every singleton exists and before the web server starts,
 * so that no request (e.g. Admin's "create the first user" page) ever sees a half-set-up engine.
 */
@Component
class StartupSteps implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(StartupSteps.class);
  private final List<StartupStep> steps;

  StartupSteps(List<StartupStep> steps) {
    this.steps = steps;
  }

  @Override
  public void afterSingletonsInstantiated() {
    steps.stream().sorted(Comparator.comparingInt(StartupStep::order)).forEach(step -> {
      LOG.debug("Startup step {}", step.getClass().getSimpleName());
      step.run();
    });
  }
}
