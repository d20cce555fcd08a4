package com.mileotech.cyber.tasklist;

import java.util.List;
import org.springframework.context.ApplicationContext;

/** Tests of other packages (PostgreSQL): what Tasklist's count cache did. */
public final class TaskCountProbe {

  private final TaskCountCache cache;

  public TaskCountProbe(ApplicationContext context) {
    this.cache = context.getBean(TaskCountCache.class);
  }

  /** Full counts run. */
  public long computed() {
    return cache.computed();
  }

  /** Counts refreshed by the statement restricted to the tasks a change touched. */
  public long refreshed() {
    return cache.refreshed();
  }

  /** Kept counts counted in full again in the background. */
  public long recounted() {
    return cache.recounted();
  }

  /** Waits until the background recounts asked for so far are done. */
  public void awaitRecounts() throws Exception {
    cache.awaitRecounts();
  }

  /** The SQL of the last refresh. */
  public String lastRefreshSql() {
    return cache.lastRefresh().sql();
  }

  /** The values bound to it. */
  public List<Object> lastRefreshValues() {
    return cache.lastRefresh().values();
  }
}
