package com.mileotech.cyber.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a class of end-to-end tests in a real Chromium: tagged {@value #TAG} (run them alone with
 * {@code mvn -B test -Dgroups=browser}) and skipped when Chromium or ChromeDriver is not installed
 * (never on CI, see {@link ChromiumInstalled}). Put it next to {@code @IntegrationTest}, and open
 * browsers with a {@link Browsers} field.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(BrowserTest.TAG)
@ExtendWith(ChromiumInstalled.class)
public @interface BrowserTest {
  String TAG = "browser";
}
