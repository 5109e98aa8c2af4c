package org.entente.testing;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTestContextBootstrapper;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.CacheAwareContextLoaderDelegate;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.bean.override.mockito.MockitoResetTestExecutionListener;
import org.springframework.test.context.cache.ContextCache;
import org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate;
import org.springframework.test.context.cache.DefaultContextCache;
import org.springframework.util.ReflectionUtils;

/**
 * Starts the lanes' shared contexts side by side (issue 17). Spring's own loader holds one lock on
 * the JVM's context cache while it starts a context, and every test method asks it for its context:
 * while one context started (3 to 8 s each, nineteen of them in the suite), the test methods of
 * every lane waited at their next method. {@link EntenteTest} and {@link EntentePostgresTest}
 * classes get their contexts from a cache of their own through {@link Loader}, which starts a
 * context under a lock of that context's own, so one lane's start holds up only the classes of that
 * lane, and asking for a context already started never waits for a start.
 */
public final class LaneContexts {

  /** The lanes' contexts, kept apart from those of the classes that start their own. */
  static final Loader LOADER = new Loader(new DefaultContextCache());

  private LaneContexts() {}

  /**
   * Spring Boot's bootstrapper as {@code @SpringBootTest(properties = EntenteTest.PROPERTIES)} has
   * it (a mock web environment), with the lanes' loader: {@code @BootstrapWith} on the lanes'
   * annotations, which therefore cannot carry {@code @SpringBootTest} (it names a bootstrapper
   * too).
   */
  public static final class Bootstrapper extends SpringBootTestContextBootstrapper {
    @Override
    protected SpringBootTest.WebEnvironment getWebEnvironment(Class<?> testClass) {
      return SpringBootTest.WebEnvironment.MOCK;
    }

    @Override
    protected String[] getProperties(Class<?> testClass) {
      return new String[] {EntenteTest.PROPERTIES};
    }

    @Override
    protected CacheAwareContextLoaderDelegate getCacheAwareContextLoaderDelegate() {
      return LOADER;
    }

    /**
     * Spring's default listeners but Mockito's reset, unless the class replaces a bean with a
     * Mockito mock or spy: before and after every test method that listener asks each of the
     * context's hundreds of singletons whether it is a mock (2.4 % of the suite's CPU in a profile,
     * issue 17). The lanes' contexts hold no mocks; a class that declares one keeps the reset.
     */
    @Override
    protected List<TestExecutionListener> getDefaultTestExecutionListeners() {
      List<TestExecutionListener> listeners = super.getDefaultTestExecutionListeners();
      if (overridesBeansWithMockito(getBootstrapContext().getTestClass())) {
        return listeners;
      }
      return listeners.stream()
          .filter(listener -> !(listener instanceof MockitoResetTestExecutionListener))
          .toList();
    }
  }

  private static final String MOCKITO_OVERRIDES =
      "org.springframework.test.context.bean.override.mockito.";

  /** Whether the class, its superclasses or their fields carry {@code @MockitoBean} or a spy. */
  static boolean overridesBeansWithMockito(Class<?> testClass) {
    if (MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).stream()
        .anyMatch(LaneContexts::isMockitoOverride)) {
      return true;
    }
    AtomicBoolean found = new AtomicBoolean();
    ReflectionUtils.doWithFields(
        testClass,
        field -> found.set(true),
        field -> MergedAnnotations.from(field).stream().anyMatch(LaneContexts::isMockitoOverride));
    return found.get();
  }

  private static boolean isMockitoOverride(MergedAnnotation<?> annotation) {
    return annotation.getType().getName().startsWith(MOCKITO_OVERRIDES);
  }

  /**
   * Spring's loader on the lanes' cache, which starts a missing context before it asks Spring's
   * code for it, under that context's own lock rather than the cache's.
   */
  static final class Loader extends DefaultCacheAwareContextLoaderDelegate {

    private final ContextCache cache;

    private final ConcurrentMap<MergedContextConfiguration, Object> starts =
        new ConcurrentHashMap<>();

    Loader(ContextCache cache) {
      super(cache);
      this.cache = cache;
    }

    @Override
    public ApplicationContext loadContext(MergedContextConfiguration config) {
      if (!isContextLoaded(config)) {
        synchronized (starts.computeIfAbsent(config, key -> new Object())) {
          if (!isContextLoaded(config) && cache.getFailureCount(config) == 0) {
            startAndKeep(config);
          }
        }
      }
      // Spring's own code hands out the context now kept, counts the hit, and, for a context that
      // failed to start above, tries once more and reports the failure as it always does
      return super.loadContext(config);
    }

    private void startAndKeep(MergedContextConfiguration config) {
      ApplicationContext started;
      try {
        started = loadContextInternal(config);
      } catch (Exception failed) {
        return;
      }
      // the lock Spring's own code holds while it reads or changes the cache
      synchronized (cache) {
        cache.put(config, key -> started);
      }
    }
  }
}
