package org.entente.concurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.entente.concurrence.Concurrence.Published;
import org.entente.shared.ForbiddenException;
import org.junit.jupiter.api.Test;

class PublishedTest {

  private static final String CONTENT =
      "[{\"key\":\"P-2\",\"title\":{\"en\":\"Two\"}},{\"key\":\"P-1\",\"title\":{}}]";

  private static Published published(String content) {
    return new Published(
        3, Concurrence.fingerprint(content), content, Instant.parse("2026-04-01T10:00:00Z"));
  }

  @Test
  void namesTheKeysOfItsRecordsInTheOrderOfItsContent() {
    assertThat(published(CONTENT).keys()).containsExactly("P-2", "P-1");
    assertThat(published("[]").keys()).isEmpty();
  }

  @Test
  void acceptsTheSubjectWhileItsContentIsTheAgreedVersion() {
    assertThatCode(() -> published(CONTENT).requireUnchanged("roadmap", CONTENT))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesTheSubjectOnceItsContentChangedNamingTheVersion() {
    assertThatThrownBy(
            () -> published(CONTENT).requireUnchanged("project list", CONTENT.replace("Two", "2")))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining(
            "the project list changed since version 3 was agreed: agree its new version, then"
                + " publish that");
  }
}
