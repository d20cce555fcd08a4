package com.mileotech.cyber.tasklist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.query.Query;

/**
 * What one request to the engine's filter API ({@code /filter/{id}/list}, {@code /count}, in either
 * copy of the REST API) may share between the engine commands it runs, and only them: Camunda's
 * REST layer loads the filter itself (to read the body's query), then the page command and the
 * count command each load it again, with the filter's READ check every time. Within the request,
 * a filter loaded by {@code FilterService.getFilter} for the same authenticated user (its READ
 * check passed moments ago) is extended by the page and the count instead of being read twice
 * more; the next request reads it again. And whether the request is Tasklist's page (the HAL list
 * asked of the webapps' copy of the API), which needs no task's Camunda Form reference ({@link FilterPage}).
 *
 * <p>Opened and closed by {@link FilterRequestFilter} around the request; outside such a request
 * (our own code, jobs, any other endpoint) nothing is shared and nothing changes.
 */
final class FilterRequests {

  private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

  private FilterRequests() {}

  /** Who a filter was loaded for: its READ check held for exactly this identity. */
  record Identity(String userId, List<String> groupIds, List<String> tenantIds) {
    static Identity of(Authentication authentication) {
      return authentication == null ? null
          : new Identity(authentication.getUserId(), authentication.getGroupIds(), authentication.getTenantIds());
    }
  }

  private record Loaded(Filter filter, Identity identity) {}

  static final class Scope {
    private final boolean tasklistPage;
    private final Map<String, Loaded> filters = new HashMap<>();

    private Scope(boolean tasklistPage) {
      this.tasklistPage = tasklistPage;
    }
  }

  static void open(boolean tasklistPage) {
    CURRENT.set(new Scope(tasklistPage));
  }

  static void close() {
    CURRENT.remove();
  }

  /** Whether the current request is Tasklist's page: a filter's HAL list asked of the webapps' copy of the API. */
  static boolean tasklistPage() {
    Scope scope = CURRENT.get();
    return scope != null && scope.tasklistPage;
  }

  /** A filter {@code FilterService.getFilter} returned to this identity, in this request. */
  static void loaded(Filter filter, Authentication authentication) {
    Scope scope = CURRENT.get();
    Identity identity = Identity.of(authentication);
    if (scope != null && filter != null && filter.getId() != null && identity != null) {
      scope.filters.put(filter.getId(), new Loaded(filter, identity));
    }
  }

  /**
   * The filter loaded in this request for this identity, extended by the query as Camunda's
   * filter commands do ({@code AbstractExecuteFilterCmd.getFilter}: the extension validated, the
   * filter copied); null when there is none, or no extending query (the command then reads the
   * filter itself: without an extension Camunda runs the filter's own query object, which a
   * command may change, so it is never shared).
   */
  static Filter extendLoaded(String filterId, Query<?, ?> extendingQuery, Authentication authentication) {
    Scope scope = CURRENT.get();
    if (scope == null || extendingQuery == null || filterId == null) {
      return null;
    }
    Loaded loaded = scope.filters.get(filterId);
    Identity identity = Identity.of(authentication);
    if (loaded == null || identity == null || !loaded.identity().equals(identity)) {
      return null;
    }
    ((AbstractQuery<?, ?>) extendingQuery).validate();
    return loaded.filter().extend(extendingQuery);
  }
}
