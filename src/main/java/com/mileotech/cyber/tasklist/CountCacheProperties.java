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
 */
@ConfigurationProperties("mileo.tasklist.count-cache")
public record CountCacheProperties(Boolean enabled, Duration maxAge, int maxEntries) {

  public CountCacheProperties {
    enabled = enabled == null || enabled;
    maxAge = maxAge == null || maxAge.isNegative() ? Duration.ofSeconds(15) : maxAge;
    maxEntries = maxEntries <= 0 ? 10_000 : maxEntries;
  }
}
