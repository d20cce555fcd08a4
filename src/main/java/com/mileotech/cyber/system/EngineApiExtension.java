package com.mileotech.cyber.system;

/**
 * A JAX-RS provider (request or response filter, exception mapper) a feature adds to both copies of
 * the engine's REST API (EngineRestConfiguration): declared as a Spring bean of this type, it is
 * registered by its class, so it needs a constructor without arguments. The shared kernel knows the
 * type, not the features that implement it.
 */
@Published
public interface EngineApiExtension {}
