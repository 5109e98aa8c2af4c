package org.entente.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.springframework.boot.logging.LoggingSystem;

class LoggingForParallelStartsTest {

  /** Denies every event, as Boot's filter does while a context starts. */
  static final class Silence extends TurboFilter {
    @Override
    public FilterReply decide(
        Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
      return FilterReply.DENY;
    }
  }

  @Test
  void aFilterAddedByTwoStartsIsKeptOnceSoThatOneRemovalLetsTheLoggersSpeak() {
    LoggerContext logback = new LoggerContext();
    TurboFilter silence = new Silence();
    TurboFilter other = new Silence();
    logback.getTurboFilterList().add(silence);
    logback.getTurboFilterList().add(other);
    logback.getTurboFilterList().add(silence);

    LoggingForParallelStarts.keepEachOnce(logback.getTurboFilterList());

    assertThat(logback.getTurboFilterList()).containsExactly(silence, other);
    logback.getTurboFilterList().remove(silence);
    assertThat(logback.getTurboFilterList()).doesNotContain(silence);
  }

  @Test
  void theTestJvmSetsUpLoggingThisWay() {
    // Surefire's systemPropertyVariables in pom.xml; without it two contexts starting at once could
    // silence every logger of the suite
    assertThat(LoggingSystem.get(getClass().getClassLoader()))
        .isInstanceOf(LoggingForParallelStarts.class);
  }
}
