package org.entente.concurrence;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What agreement triggers, per subject: when both parties agreed a version, the subject's module is
 * told in the transaction of the last approval, so that a refusal there rolls the approval back.
 */
@Component
class AgreementTriggers {

  private final AgreementSubjects subjects;
  private final Concurrence concurrence;

  AgreementTriggers(AgreementSubjects subjects, Concurrence concurrence) {
    this.subjects = subjects;
    this.concurrence = concurrence;
  }

  @EventListener
  void on(AgreementReached reached) {
    String type = reached.subjectType();
    AgreementSubjects.publishedType(type)
        .ifPresentOrElse(
            published ->
                subjects
                    .owning(type)
                    .ifPresent(
                        s ->
                            s.publicationAgreed(
                                reached,
                                concurrence
                                    .published(published, reached.subjectKey())
                                    .orElseThrow())),
            () -> subjects.owning(type).ifPresent(s -> s.agreed(reached)));
  }
}
