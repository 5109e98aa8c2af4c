package org.entente.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Instead of a new application context for each test class (or each test): after a class (or, with
 * {@link CleanAfterEachTest}, after each of its tests) the shared context is put back to what its
 * start left: every table's rows (the charter loaded from its definition, the reference indicators,
 * the audit trail of that loading, and whatever else start-up wrote), the audit checkpoint file,
 * the {@link MutableClock}, and the values kept until a record changes ({@link KeptValues}). What
 * it puts back is read when the first class using the context starts, before any of its tests ran.
 */
public class CleanDatabase extends AbstractTestExecutionListener {

  private static final Map<ApplicationContext, StartState> STATES = new WeakHashMap<>();

  private record StartState(DatabaseSnapshot database, Path checkpointFile, byte[] checkpoint) {}

  @Override
  public int getOrder() {
    // after dependency injection, before the transactional and SQL-script listeners
    return 2100;
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    state(testContext.getApplicationContext());
  }

  @Override
  public void afterTestMethod(TestContext testContext) {
    if (AnnotatedElementUtils.hasAnnotation(testContext.getTestClass(), CleanAfterEachTest.class)) {
      clean(testContext.getApplicationContext());
    }
  }

  @Override
  public void afterTestClass(TestContext testContext) {
    if (testContext.hasApplicationContext()) {
      clean(testContext.getApplicationContext());
    }
  }

  /** Puts the context back to what its start left. */
  public static void clean(ApplicationContext context) {
    StartState state = state(context);
    state.database().restore();
    restoreCheckpoint(state);
    context
        .getBeansOfType(MutableClock.class)
        .values()
        .forEach(c -> c.set(FixedClockConfiguration.TODAY));
    KeptValues.forget(context);
  }

  private static synchronized StartState state(ApplicationContext context) {
    StartState state = STATES.get(context);
    if (state == null) {
      DatabaseSnapshot database = DatabaseSnapshot.take(context.getBean(DataSource.class));
      Path file = KeptValues.checkpointFile(context);
      byte[] checkpoint = null;
      try {
        if (file != null && Files.exists(file)) {
          checkpoint = Files.readAllBytes(file);
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      state = new StartState(database, file, checkpoint);
      STATES.put(context, state);
    }
    return state;
  }

  private static void restoreCheckpoint(StartState state) {
    if (state.checkpointFile() == null) {
      return;
    }
    try {
      if (state.checkpoint() == null) {
        Files.deleteIfExists(state.checkpointFile());
      } else {
        Files.write(state.checkpointFile(), state.checkpoint());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
