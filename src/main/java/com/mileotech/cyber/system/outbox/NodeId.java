package com.mileotech.cyber.system.outbox;

import com.mileotech.cyber.system.Published;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of this node in outbox claims when none is configured ({@code MILEO_NODE_ID}). */
@Published
public final class NodeId {

  private NodeId() {}

  /** Host name and process id: unique among the nodes running at once. */
  public static String ofThisProcess() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "node";
    }
    return host + "-" + ProcessHandle.current().pid();
  }
}
