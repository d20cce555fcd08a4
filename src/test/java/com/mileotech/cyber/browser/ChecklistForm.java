package com.mileotech.cyber.browser;

import static com.mileotech.cyber.browser.FormFields.choose;
import static com.mileotech.cyber.browser.FormFields.click;
import static com.mileotech.cyber.browser.FormFields.tick;
import static com.mileotech.cyber.browser.FormFields.type;
import static com.mileotech.cyber.browser.FormFields.typeNth;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The commissioning checklist form ("Renseigner la checklist de durcissement") as a technician fills it. */
final class ChecklistForm {

  private ChecklistForm() {}

  /** The evaluation (Conforme / Non conforme / Non applicable) of each point, in catalogue order (SRV-01 first). */
  static List<WebElement> evaluations(Browser browser) {
    return browser.driver().findElements(By.xpath("//div[contains(@class,'fjs-form-field-radio')]"));
  }

  /**
   * Every point Conforme, with the figures and settings the guide asks for wherever the form
   * asks them (NVR and cameras), so that no Conforme is contradicted. Returns the evaluations.
   */
  static List<WebElement> allConforme(Browser browser) {
    List<WebElement> evaluations = evaluations(browser);
    for (WebElement evaluation : evaluations) {
      evaluate(browser, evaluation, "Conforme");
    }
    type(browser, "Délai d'application du dernier correctif", "48");
    type(browser, "Mise à jour du VMS disponible", "0");
    choose(browser, "Version minimale de TLS", "TLS 1.2");
    type(browser, "Durée de validité du certificat", "24");
    for (int i = 0; i < count(browser, "//label[contains(normalize-space(.),'Longueur du mot de passe administrateur')]"); i++) {
      typeNth(browser, "Longueur du mot de passe administrateur", "16", i);
    }
    for (String measure : List.of("Mot de passe par défaut changé", "Complexité imposée", "Telnet désactivé",
        "FTP désactivé", "HTTPS disponible", "HTTP désactivé", "UPnP désactivé", "Bonjour désactivé",
        "ONVIF Discovery désactivé")) {
      for (int i = 0; i < count(browser, "//label[contains(normalize-space(.),\"" + measure + "\")]//input[@type='checkbox']"); i++) {
        tick(browser, measure, i);
      }
    }
    return evaluations;
  }

  /** Chooses "Conforme", "Non conforme" or "Non applicable" for the point of that evaluation. */
  static void evaluate(Browser browser, WebElement evaluation, String status) {
    click(browser, evaluation.findElement(By.xpath(".//label[normalize-space(.)='" + status + "']//input")));
  }

  static int count(Browser browser, String xpath) {
    return browser.driver().findElements(By.xpath(xpath)).size();
  }
}
