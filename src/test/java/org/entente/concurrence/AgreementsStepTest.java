package org.entente.concurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.entente.concurrence.Agreements.Step;
import org.entente.shared.NotFoundException;
import org.junit.jupiter.api.Test;

/** The steps a URL names, and which agreement belongs to which subject. */
class AgreementsStepTest {

  @Test
  void aUrlNamesEachStepByItsCodeAndNothingElse() {
    for (Step step : Step.values()) {
      assertThat(Step.parse(step.code())).isEqualTo(step);
    }
    assertThat(Step.parse("approve-publication").publication()).isTrue();
    assertThat(Step.parse("approve").publication()).isFalse();
    assertThatThrownBy(() -> Step.parse("APPROVE")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> Step.parse("publication")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aPublicationAgreementBelongsToTheSubjectItPublishes() {
    assertThat(AgreementSubjects.publishedType(Concurrence.publicationOf("project-list")))
        .contains("project-list");
    assertThat(AgreementSubjects.publishedType("roadmap")).isEmpty();
  }
}
