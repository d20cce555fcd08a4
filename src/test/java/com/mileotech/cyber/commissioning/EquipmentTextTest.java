package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.system.Refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.system.Refusal.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inventory as the Tasklist forms edit it: one line per equipment. */
class EquipmentTextTest {

  @Test
  void linesBecomeEquipmentAndBackAgain() {
    EquipmentText.Parsed parsed = EquipmentText.parse("equipmentText", """
        Serveur ; Dell PowerEdge R760 ; SRV-1 ; BIOS 2.3.5 ; oui

        caméra ; Axis P3265-LVE ; CAM-1 ; 11.9.60 ; Non
        NVR;Hikvision DS-9664NI;NVR-1;V4.72;OUI""");
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.equipment()).containsExactly(
        new Equipment("SERVER", "Dell PowerEdge R760", "SRV-1", "BIOS 2.3.5", true),
        new Equipment("CAMERA", "Axis P3265-LVE", "CAM-1", "11.9.60", false),
        new Equipment("NVR", "Hikvision DS-9664NI", "NVR-1", "V4.72", true));
    assertThat(parsed.lines()).containsExactly(1, 3, 4);
    assertThat(EquipmentText.format(parsed.equipment())).isEqualTo("""
        Serveur ; Dell PowerEdge R760 ; SRV-1 ; BIOS 2.3.5 ; oui
        Caméra ; Axis P3265-LVE ; CAM-1 ; 11.9.60 ; non
        NVR ; Hikvision DS-9664NI ; NVR-1 ; V4.72 ; oui""");
  }

  @Test
  void eachBadLineIsNamed() {
    EquipmentText.Parsed parsed = EquipmentText.parse("equipmentText", """
        drone ; X ; D-1 ; 1.0 ; oui
        caméra ; Axis ; C-1 ; 1.0
        caméra ; Axis ; C-2 ; 1.0 ; peut-être""");
    assertThat(parsed.problems()).extracting(Problem::message).containsExactly(
        "ligne 1 : type inconnu « drone » (serveur, NVR ou caméra)",
        "ligne 2 : 5 éléments séparés par « ; » attendus (type ; modèle ; n° de série ; firmware ; mises à jour de sécurité (oui/non)), 4 trouvé(s)",
        "ligne 3 : mises à jour de sécurité « peut-être » : oui ou non attendu");
  }

  @Test
  void listProblemsAreRestatedWithLineNumbers() {
    EquipmentText.Parsed parsed = EquipmentText.parse("equipmentText", "caméra ; Axis ; C-1 ; 1.0 ; oui\n\ncaméra ; ; C-1 ; 1.0 ; oui");
    assertThat(parsed.restate(List.of(
        new Problem("equipment[1].model", "obligatoire"),
        new Problem("equipment[1].serialNumber", "numéro de série « C-1 » en double (déjà en equipment[0])"))))
        .containsExactly("equipmentText : ligne 3 : obligatoire",
            "equipmentText : ligne 3 : numéro de série « C-1 » en double (déjà ligne 1)");
  }
}
