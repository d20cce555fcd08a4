package com.mileotech.cyber;

import com.mileotech.cyber.reminder.RecordingReminders;
import com.mileotech.cyber.reminder.Reminders;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Test-only beans of the shared context. */
@TestConfiguration
public class TestSupport {

  /** Every call to the reminder mechanism is recorded, then handed to the real implementation. */
  @Bean
  static BeanPostProcessor recordingReminders() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof Reminders reminders && !(bean instanceof RecordingReminders)) {
          return new RecordingReminders(reminders);
        }
        return bean;
      }
    };
  }
}
