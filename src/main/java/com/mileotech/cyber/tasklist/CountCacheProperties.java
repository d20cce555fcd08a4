package com.mileotech.cyber.tasklist;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mileo.tasklist.count-cache}: Tasklist's filter counts kept between pages
 * (TaskCountCache, docs/production.md "Task counts across nodes").
 *
 * @param enabled false: every count is computed again, as Camunda does
 * @param maxAge how long a count is kept at most: what another node changed is counted after this
 *     at the latest (this node's own changes, at once)
 * @param maxEntries how many counts are kept at most (one per user, filter and search; the least
 *     recently used go first)
 * @param maxTasksPerCount a count of at most this many tasks keeps their ids, and is refreshed
 *     after a change by looking at the tasks the change touched only; a larger one keeps its number
 *     only and is counted in full again after a change (0: numbers only)
 * @param maxTasks how many task ids all kept counts hold together at most (memory: about 100
 *     bytes each, 20 MB at the default); a count that would go past it keeps its number only
 * @param refreshAhead a kept count (with its tasks) still in use when this fraction of max-age has
 *     passed since its last full count is counted in full again in the background, so that nobody
 *     waits for it when max-age runs out (0: off, every full count on the request that needs it)
 */
@ConfigurationProperties("mileo.tasklist.count-cache")
public record CountCacheProperties(Boolean enabled, Duration maxAge, int maxEntries, Integer maxTasksPerCount,
    Integer maxTasks, Double refreshAhead) {

  public CountCacheProperties {
    enabled = enabled == null || enabled;
    maxAge = maxAge == null || maxAge.isNegative() ? Duration.ofSeconds(15) : maxAge;
    maxEntries = maxEntries <= 0 ? 10_000 : maxEntries;
    maxTasksPerCount = maxTasksPerCount == null || maxTasksPerCount < 0 ? 50_000 : maxTasksPerCount;
    maxTasks = maxTasks == null || maxTasks < 0 ? 200_000 : maxTasks;
    refreshAhead = refreshAhead == null || refreshAhead < 0 || refreshAhead >= 1 ? 0.5 : refreshAhead;
  }
}
