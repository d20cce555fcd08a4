package com.mileotech.cyber.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A person's command (completing a task, over /engine-rest or the webapps) that collides with a
 * background step of the same case (a job of the same process instance committing first: Camunda's
 * "ENGINE-03005 ... updated by another transaction concurrently") is run again, up to three times:
 * it was rolled back entirely, so running it again is what the person would do by clicking again,
 * and it then sees what the background step did. Only commands of an HTTP request that run in
 * their own transaction are retried (never a command inside a larger transaction, never the job
 * executor's, which retries on its own). What still collides answers 409 with a French
 * "réessayez" (ConflictAnswers).
 */
@Component
class ConcurrentStepRetry extends AbstractProcessEnginePlugin {

  static final int ATTEMPTS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(ConcurrentStepRetry.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new Interceptor());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /** Sits before the transaction interceptor: each attempt is a transaction of its own. */
  static final class Interceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (!retryable()) {
        return next.execute(command);
      }
      for (int attempt = 1; ; attempt++) {
        try {
          return next.execute(command);
        } catch (OptimisticLockingException collided) {
          if (attempt >= ATTEMPTS) {
            throw collided;
          }
          LOG.info("{} collided with a concurrent step of the same case (attempt {}/{}): run again",
              command.getClass().getSimpleName(), attempt, ATTEMPTS);
          pause(attempt);
        }
      }
    }

    private static boolean retryable() {
      return Context.getCommandContext() == null
          && !TransactionSynchronizationManager.isActualTransactionActive()
          && RequestContextHolder.getRequestAttributes() != null;
    }

    /** A few tens of milliseconds, growing and jittered, so that the background step finishes first. */
    private static void pause(int attempt) {
      try {
        Thread.sleep(attempt * 50L + ThreadLocalRandom.current().nextInt(50));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
