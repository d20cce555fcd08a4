package com.mileotech.cyber.system;

/**
 * Work that must be done once the engine is built and before the web server accepts a request
 * (groups, grants, first administrator, filters...). Each step is idempotent: it runs at every
 * start. Steps run in the order of their {@link #order()}.
 */
@Published
public interface StartupStep {

  int order();

  void run();
}
