package com.mileotech.cyber.commissioning;

import java.util.List;
import java.util.Map;

/**
 * For the benchmark (package bench): the checklist's start variables and the fill-in form as
 * Tasklist submits it, built with the same helpers as the scenario tests (package-private here).
 */
public final class BenchChecklistForms {

  private BenchChecklistForms() {}

  /** Start variables of vms-commissioning for one site, with an inventory of unique serial numbers. */
  public static Map<String, Object> start(String clientId, String siteId, String serialPrefix) {
    return Map.of("clientId", clientId, "siteId", siteId, "vmsProduct", "Milestone XProtect Corporate",
        "vmsVersion", "2024 R2", "projectManagerReview", false,
        "equipment", Json.variable(CommissioningFixture.standardInventory(serialPrefix)));
  }

  /** Every point Conforme, with figures that satisfy the guide. */
  public static Map<String, Object> allConforme() {
    return CommissioningFixture.formVariables(CommissioningFixture.allConforme());
  }

  /** The signature form. */
  public static Map<String, Object> sign() {
    return Map.of("signatureDecision", "SIGN", "signatureConfirmed", true);
  }

  public static List<String> userTasks() {
    return List.of("Task_FillChecklist", "Task_SignChecklist");
  }
}
