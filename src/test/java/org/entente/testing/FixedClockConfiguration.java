package org.entente.testing;

import java.time.LocalDate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the system clock with one set to 2026-11-28, the day the deadlines are checked for. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClockConfiguration {

  public static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  @Bean
  @Primary
  MutableClock testClock() {
    return MutableClock.at(TODAY);
  }
}
