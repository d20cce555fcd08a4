package com.mileotech.cyber.tasklist;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The engine's statements (MyBatis statement ids, in order) run by the web server's request
 * threads while recording: what one HTTP request costs the database, counted rather than timed.
 * The shared context's background workers (mail, outbox) run on threads of their own and are not
 * counted. Statements our code sends without MyBatis (the group lookup of the permission check)
 * are not either.
 */
final class RequestStatements {

  private static final List<String> RECORDED = Collections.synchronizedList(new ArrayList<>());
  private static volatile boolean recording;
  private static boolean installed;

  private RequestStatements() {}

  static synchronized void install(ProcessEngine engine) {
    if (!installed) {
      ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
          .getConfiguration().addInterceptor(new Recorder());
      installed = true;
    }
  }

  /** The statements the request threads ran during {@code request}. */
  static List<String> of(ThrowingRunnable request) throws Exception {
    RECORDED.clear();
    recording = true;
    try {
      request.run();
    } finally {
      recording = false;
    }
    synchronized (RECORDED) {
      return List.copyOf(RECORDED);
    }
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Intercepts({
      @Signature(type = Executor.class, method = "query",
          args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
      @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class})})
  private static final class Recorder implements Interceptor {
    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      if (recording && Thread.currentThread().getName().startsWith("http-nio")) {
        String id = ((MappedStatement) invocation.getArgs()[0]).getId();
        RECORDED.add(id.substring(id.lastIndexOf('.') + 1));
      }
      return invocation.proceed();
    }
  }
}
