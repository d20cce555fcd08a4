package com.mileotech.cyber.reminder.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** An empty spring.mail.host means "no SMTP": Spring Boot's mail sender would try localhost. */
class SmtpServerTest {

  private final JavaMailSenderImpl bootMailSender = new JavaMailSenderImpl();
  private final StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", bootMailSender));

  @Test
  void anEmptyHostIsNoServer() {
    SmtpServer smtp = new SmtpServer(beans.getBeanProvider(JavaMailSender.class), "");
    assertThat(smtp.configured()).isFalse();
    assertThat(smtp.mailSender()).isEmpty();
  }

  @Test
  void aHostMakesSpringBootsMailSenderTheServer() {
    SmtpServer smtp = new SmtpServer(beans.getBeanProvider(JavaMailSender.class), "smtp.mileotech.example");
    assertThat(smtp.configured()).isTrue();
    assertThat(smtp.mailSender()).containsSame(bootMailSender);
  }
}
