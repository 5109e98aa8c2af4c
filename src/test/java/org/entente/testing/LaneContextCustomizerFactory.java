package org.entente.testing;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives each {@link EntenteTest} class the shared context of its {@link Lanes lane}: the lane is
 * part of the context cache key, so the classes of one lane share one context and the two lanes
 * have one each (registered in META-INF/spring.factories). Each context has its own in-memory
 * database and checkpoint file already (application-test.yaml); the customizer only names the lane
 * in the environment ({@code entente.test.lane}).
 */
public class LaneContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    if (!TestContextAnnotationUtils.hasAnnotation(testClass, EntenteTest.class)) {
      return null;
    }
    return new Lane(Lanes.of(testClass));
  }

  /** Equal for the classes of one lane, so that they share its context. */
  record Lane(int number) implements ContextCustomizer {

    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource("entente-test-lane", Map.of("entente.test.lane", number)));
    }
  }
}
