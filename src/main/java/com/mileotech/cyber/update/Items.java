package com.mileotech.cyber.update;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.commissioning.EquipmentKind;
import java.util.List;
import java.util.stream.Collectors;

/** How affected items read in forms, mails and the incident a missed deadline opens. */
final class Items {

  private Items() {}

  /** « Caméra Axis P3265-LVE (n° ACCC8E0001, Site Nord), version 10.12.1 ». */
  static String describe(UpdateRegister.Item item, Client client) {
    String site = client.site(item.siteId()).map(Client.Site::name).orElse(item.siteId());
    String kind = EquipmentKind.label(item.kind());
    boolean software = EquipmentKind.parse(item.kind()) != null && EquipmentKind.parse(item.kind()).software();
    return kind + " " + item.model() + " (" + (software ? "" : "n° " + item.itemId() + ", ") + site + "), version "
        + item.versionBefore();
  }

  static String list(List<UpdateRegister.Item> items, Client client) {
    return items.stream().map(i -> "- " + describe(i, client)).collect(Collectors.joining("\n"));
  }
}
