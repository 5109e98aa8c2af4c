package org.entente.testing;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.TurboFilterList;
import ch.qos.logback.classic.turbo.TurboFilter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;

/**
 * Spring Boot's Logback set-up, safe for contexts that start at the same time ({@link LaneContexts}
 * starts the lanes side by side, beside the classes that start their own). The test JVM uses it
 * through the system property {@code org.springframework.boot.logging.LoggingSystem} (Surefire's
 * configuration in pom.xml).
 *
 * <p>When a context starts, Boot adds a filter that silences every logger until it has configured
 * Logback, then removes it and marks Logback as configured; a context that finds Logback configured
 * skips both steps. Two contexts starting together both add the filter, the first removes one, and
 * the second, finding Logback configured, leaves the other: every logger of the JVM would be silent
 * from then on. Here Boot's steps run one context at a time, and a filter added twice is kept once.
 */
public class LoggingForParallelStarts extends LogbackLoggingSystem {

  private static final Object STEPS = new Object();

  public LoggingForParallelStarts(ClassLoader classLoader) {
    super(classLoader);
  }

  @Override
  public void beforeInitialize() {
    synchronized (STEPS) {
      super.beforeInitialize();
      keepEachOnce(((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList());
    }
  }

  @Override
  public void initialize(
      LoggingInitializationContext context,
      @Nullable String configLocation,
      @Nullable LogFile file) {
    synchronized (STEPS) {
      super.initialize(context, configLocation, file);
    }
  }

  @Override
  public void cleanUp() {
    synchronized (STEPS) {
      super.cleanUp();
    }
  }

  /** Removes every filter but the first of those that are the same object. */
  static void keepEachOnce(TurboFilterList filters) {
    Set<TurboFilter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    filters.removeIf(filter -> !seen.add(filter));
  }
}
