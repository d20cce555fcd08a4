package com.mileotech.cyber.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Camunda Forms (form-js) fields in Tasklist, found by their French labels. */
public final class FormFields {

  private FormFields() {}


  public static void type(Browser browser, String label, String text) {
    WebElement input = browser.waitForVisible(By.xpath("//label[contains(normalize-space(.),\"" + label
        + "\")]/following::*[self::input or self::textarea][1]"));
    scroll(browser, input);
    input.clear();
    input.sendKeys(text);
  }

  public static void choose(Browser browser, String label, String option) {
    click(browser, browser.waitForVisible(By.xpath("//label[contains(normalize-space(.),\"" + label
        + "\")]/following::*[contains(@class,'fjs-input-group') or contains(@class,'fjs-select-display')][1]")));
    click(browser, browser.waitForVisible(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(normalize-space(.),\""
        + option + "\")]")));
  }

  /** Ticks the option (radio or checkbox) labelled so; clicks again while it is not selected. */
  public static void check(Browser browser, String optionLabel) {
    By label = By.xpath("//label[contains(@class,'fjs-form-field-label')][contains(normalize-space(.),\""
        + optionLabel + "\")]");
    click(browser, browser.waitForVisible(label));
    browser.waitUntil(driver -> {
      WebElement option = driver.findElement(label);
      if (option.findElement(By.tagName("input")).isSelected()) {
        return true;
      }
      click(browser, option);
      return false;
    });
  }

  public static void typeNth(Browser browser, String label, String text, int index) {
    WebElement input = browser.driver().findElements(By.xpath("//label[contains(normalize-space(.),\"" + label
        + "\")]/following::input[1]")).get(index);
    scroll(browser, input);
    input.clear();
    input.sendKeys(text);
  }

  public static void tick(Browser browser, String label, int index) {
    WebElement box = browser.driver().findElements(By.xpath("//label[contains(normalize-space(.),\"" + label
        + "\")]//input[@type='checkbox']")).get(index);
    if (!box.isSelected()) {
      click(browser, box);
    }
  }

  /** Tasklist's "Terminer", brought to the middle of the view first: its footer covers the bottom of a long form. */
  public static Browser complete(Browser browser) {
    click(browser, browser.waitForVisible(org.openqa.selenium.By.xpath("//button[normalize-space(.)='Terminer']")));
    return browser;
  }

  public static void click(Browser browser, WebElement element) {
    scroll(browser, element);
    element.click();
  }

  /** Into the middle of the view: Tasklist's footer covers the bottom of a long form. */
  public static void scroll(Browser browser, WebElement element) {
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }
}
