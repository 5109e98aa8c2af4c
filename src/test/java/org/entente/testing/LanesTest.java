package org.entente.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

class LanesTest {

  @Test
  void everyClassNamedForAnotherLaneIsAnEntenteTestThatExists() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(EntenteTest.class));
    Set<String> found = new HashSet<>();
    scanner
        .findCandidateComponents("org.entente")
        .forEach(
            bean -> {
              String name = bean.getBeanClassName();
              found.add(name.substring(name.lastIndexOf('.') + 1));
            });
    // a renamed class would otherwise fall back to lane 0 without a word
    assertThat(found).containsAll(Lanes.SECOND).containsAll(Lanes.THIRD);
  }

  @Test
  void noClassIsNamedForTwoLanes() {
    assertThat(Lanes.SECOND).doesNotContainAnyElementsOf(Lanes.THIRD);
  }
}
