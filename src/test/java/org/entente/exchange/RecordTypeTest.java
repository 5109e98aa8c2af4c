package org.entente.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A record leaves with exactly the fields its type names, in the type's order. */
class RecordTypeTest {

  static final RecordType PROJECTS =
      RecordType.of("projects", "key", "title*", "stage").referring("stage", "stages");

  @Test
  void aTypeNamesItsFieldsTextsInSeveralLanguagesAndReferences() {
    assertThat(PROJECTS.fields())
        .containsExactly(
            new RecordType.Field("key", false, null),
            new RecordType.Field("title", true, null),
            new RecordType.Field("stage", false, "stages"));
  }

  @Test
  void aRecordHasEveryFieldOfItsTypeInOrder() {
    assertThat(List.copyOf(PROJECTS.record("key", "k", "title", null, "stage", "s").keySet()))
        .containsExactly("key", "title", "stage");
  }

  @Test
  void aFieldTheTypeDoesNotNameCannotLeave() {
    assertThatThrownBy(
            () -> PROJECTS.record("key", "k", "title", null, "stage", "s", "stageReason", "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stageReason");
  }

  @Test
  void aRecordCannotLeaveOutAField() {
    assertThatThrownBy(() -> PROJECTS.record("key", "k", "stage", "s"))
        .isInstanceOf(IllegalStateException.class);
  }
}
