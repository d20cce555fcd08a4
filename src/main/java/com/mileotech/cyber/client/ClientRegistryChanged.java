package com.mileotech.cyber.client;

import com.mileotech.cyber.system.Published;

/** Published when a client is created or changed, so that views of the registry (e.g. a start form's client list) follow. */
@Published
public record ClientRegistryChanged(String clientId) {}
