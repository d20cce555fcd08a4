package com.mileotech.cyber.system;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.PathSegment;
import java.util.stream.Collectors;

/**
 * The path of a call to the engine's REST API as Camunda's resources match it: decoded, segment by
 * segment, without matrix parameters. UriInfo.getPath() keeps them, so "/job/{id};x=1/execute"
 * reached the same resource as "/job/{id}/execute" while a pattern on the raw path missed it.
 */
@Published
public final class EnginePaths {

  private EnginePaths() {}

  public static String of(ContainerRequestContext request) {
    return request.getUriInfo().getPathSegments(true).stream().map(PathSegment::getPath)
        .collect(Collectors.joining("/"));
  }
}
