package org.entente.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.SmartContextLoader;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoResetTestExecutionListener;
import org.springframework.test.context.cache.DefaultContextCache;

class LaneContextsTest {

  /** A lane's class as the suite has hundreds. */
  @EntenteTest
  static class PlainLaneClass {}

  /** A lane's class that replaces a bean with a Mockito mock. */
  @EntenteTest
  static class LaneClassWithAMock {
    @MockitoBean java.time.Clock clock;
  }

  static java.util.List<Class<?>> listeners(Class<?> testClass) {
    return new TestContextManager(testClass)
        .getTestExecutionListeners().stream()
            .<Class<?>>map(TestExecutionListener::getClass)
            .toList();
  }

  @Test
  void aLaneClassWithoutMocksHasNoMockitoResetButKeepsCleaningAndInjection() {
    assertThat(listeners(PlainLaneClass.class))
        .doesNotContain(MockitoResetTestExecutionListener.class)
        .contains(
            CleanDatabase.class,
            org.springframework.test.context.support.DependencyInjectionTestExecutionListener
                .class);
  }

  @Test
  void aLaneClassWithAMockitoBeanKeepsMockitoReset() {
    assertThat(listeners(LaneClassWithAMock.class))
        .contains(MockitoResetTestExecutionListener.class, CleanDatabase.class);
  }

  /** Starts an empty context, after waiting for {@code go} when it is given one. */
  static final class Starter implements SmartContextLoader {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch go;
    final AtomicInteger starts = new AtomicInteger();

    Starter(CountDownLatch go) {
      this.go = go;
    }

    @Override
    public void processContextConfiguration(ContextConfigurationAttributes attributes) {}

    @Override
    public ApplicationContext loadContext(MergedContextConfiguration config) throws Exception {
      starts.incrementAndGet();
      started.countDown();
      go.await();
      GenericApplicationContext context = new GenericApplicationContext();
      context.refresh();
      return context;
    }
  }

  /** A lane's configuration: lanes differ by a profile here (the test class is not in the key). */
  static MergedContextConfiguration lane(String name, Starter starter) {
    return new MergedContextConfiguration(
        LaneContextsTest.class, new String[0], new Class<?>[0], new String[] {name}, starter);
  }

  @Test
  void aLaneWhoseContextRunsIsNotHeldUpByAnotherLaneStartingItsOwn() throws Exception {
    LaneContexts.Loader loader = new LaneContexts.Loader(new DefaultContextCache());
    Starter quick = new Starter(new CountDownLatch(0));
    MergedContextConfiguration a = lane("a", quick);
    ApplicationContext contextA = loader.loadContext(a);

    CountDownLatch go = new CountDownLatch(1);
    Starter slow = new Starter(go);
    MergedContextConfiguration b = lane("b", slow);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<ApplicationContext> startingB = threads.submit(() -> loader.loadContext(b));
      assertThat(slow.started.await(30, TimeUnit.SECONDS)).isTrue();

      // Spring's own loader would wait here until lane B's start ends (it never would: go is
      // released only afterwards)
      Future<ApplicationContext> askingA = threads.submit(() -> loader.loadContext(a));
      assertThat(askingA.get(30, TimeUnit.SECONDS)).isSameAs(contextA);
      assertThat(startingB).isNotDone();

      go.countDown();
      ApplicationContext contextB = startingB.get(30, TimeUnit.SECONDS);
      assertThat(loader.loadContext(b)).isSameAs(contextB);
      assertThat(quick.starts).hasValue(1);
      assertThat(slow.starts).hasValue(1);
    } finally {
      go.countDown();
      threads.shutdownNow();
    }
  }

  @Test
  void twoClassesOfOneLaneAskingAtOnceStartItsContextOnce() throws Exception {
    LaneContexts.Loader loader = new LaneContexts.Loader(new DefaultContextCache());
    CountDownLatch go = new CountDownLatch(1);
    Starter starter = new Starter(go);
    MergedContextConfiguration lane = lane("a", starter);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<ApplicationContext> first = threads.submit(() -> loader.loadContext(lane));
      Future<ApplicationContext> second = threads.submit(() -> loader.loadContext(lane));
      assertThat(starter.started.await(30, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      assertThat(first.get(30, TimeUnit.SECONDS)).isSameAs(second.get(30, TimeUnit.SECONDS));
      assertThat(starter.starts).hasValue(1);
    } finally {
      go.countDown();
      threads.shutdownNow();
    }
  }
}
