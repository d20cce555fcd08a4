package com.mileotech.cyber.update;

import com.mileotech.cyber.client.Client;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How affected items read in forms, mails and the incident a missed deadline opens. */
final class Items {

  private static final Map<String, String> KINDS = Map.of("SERVER", "Serveur", "NVR", "NVR", "CAMERA", "Caméra",
      "VMS", "VMS", "OS", "Système d'exploitation");

  private Items() {}

  /** « Caméra Axis P3265-LVE (n° ACCC8E0001, Site Nord), version 10.12.1 ». */
  static String describe(UpdateRegister.Item item, Client client) {
    String site = client.site(item.siteId()).map(Client.Site::name).orElse(item.siteId());
    String kind = KINDS.getOrDefault(item.kind(), item.kind());
    boolean software = "VMS".equals(item.kind()) || "OS".equals(item.kind());
    return kind + " " + item.model() + " (" + (software ? "" : "n° " + item.itemId() + ", ") + site + "), version "
        + item.versionBefore();
  }

  static String list(List<UpdateRegister.Item> items, Client client) {
    return items.stream().map(i -> "- " + describe(i, client)).collect(Collectors.joining("\n"));
  }
}
