package org.entente.calendars;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.reporting.Imports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The product as {@code ./mvnw spring-boot:run} starts it has the daily digest scheduled, which
 * adds a second task executor (the scheduler) beside the one background imports run on: it must
 * start all the same. The other tests turn scheduling off.
 */
@SpringBootTest(properties = "entente.reminders.scheduling=true")
@ActiveProfiles("test")
class StartsWithRemindersScheduledTest {

  @Autowired ApplicationContext context;

  @Test
  void theApplicationStartsWithTheDigestScheduledAndImportsOnTheirOwnExecutor() {
    assertThat(context.getBeansOfType(ReminderScheduling.class)).hasSize(1);
    assertThat(context.getBeansOfType(Imports.class)).hasSize(1);
    assertThat(context.containsBean("applicationTaskExecutor")).isTrue();
    assertThat(context.containsBean("taskScheduler")).isTrue();
  }
}
