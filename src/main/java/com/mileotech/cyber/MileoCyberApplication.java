package com.mileotech.cyber;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Incident response (PROC-CYB-005) and VMS hardening (GUID-PREM-003) for Mileo Technology. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MileoCyberApplication {

  public static void main(String[] args) {
    SpringApplication.run(MileoCyberApplication.class, args);
  }
}
