package org.entente.calendars;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on the daily reminders' schedule, unless {@code entente.reminders.scheduling} is false (the
 * tests run the digest through {@code POST /api/reminders/run} with a fixed clock instead).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(
    name = "entente.reminders.scheduling",
    havingValue = "true",
    matchIfMissing = true)
class ReminderScheduling {}
