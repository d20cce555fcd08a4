package com.mileotech.cyber.client;

/** Published when a client is created or changed, so that views of the registry (e.g. a start form's client list) follow. */
public record ClientRegistryChanged(String clientId) {}
