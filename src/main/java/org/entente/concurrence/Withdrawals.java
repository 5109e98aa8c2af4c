package org.entente.concurrence;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.concurrence.AgreementStore.Stored;
import org.entente.concurrence.Concurrence.Subject;
import org.entente.identity.Viewer;
import org.entente.shared.ForbiddenException;
import org.entente.shared.StateConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Either party withdraws a published record, alone and at once: the agreement on its publication
 * gets a new version that is no proposal but the withdrawal itself (who withdrew for which party,
 * when, why). From then on nothing of the subject is published, until a new proposal is approved by
 * both parties again. No schema of its own: the withdrawal is a version's content.
 */
@Service
@Transactional(readOnly = true)
public class Withdrawals {

  private final AgreementStore store;
  private final AgreementSubjects subjects;
  private final Clock clock;
  private final Audit audit;

  Withdrawals(AgreementStore store, AgreementSubjects subjects, Clock clock, Audit audit) {
    this.store = store;
    this.subjects = subjects;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * The withdrawal in force of a subject's publication: the published version, the party that
   * withdrew it (not who personally) and when. Whoever asks may know it: it replaces what was
   * public.
   */
  public record Withdrawn(int version, String party, Instant withdrawnAt) {}

  /**
   * The withdrawal of the subject's publication in force, if both did not publish it again since.
   */
  public Optional<Withdrawn> withdrawn(String type, String key) {
    String publication = carrier(type);
    return store
        .load(publication, key, false)
        .flatMap(
            stored ->
                store
                    .latest(
                        publication,
                        key,
                        PublicationContent.WITHDRAWAL + "%",
                        (number, content) -> number)
                    .filter(
                        number ->
                            stored
                                .agreement()
                                .lastAgreed()
                                .map(agreed -> agreed.version() < number)
                                .orElse(true))
                    .flatMap(number -> store.content(stored.id(), number)))
        .map(PublicationContent::withdrawn);
  }

  /**
   * The viewer withdraws the subject's publication for their party.
   *
   * @param noun what the subject is called, e.g. "project list"
   * @throws ForbiddenException when the viewer may not act for their party on the subject
   * @throws StateConflictException when the subject is not published
   */
  @Transactional
  public void withdraw(Subject subject, String noun, String reason, Viewer viewer) {
    boolean mayAct =
        subjects
            .owning(subject.type())
            .map(s -> s.mayAct(viewer, subject.groupId()))
            .orElseGet(() -> Concurrence.coChair(viewer, subject.groupId()));
    if (!mayAct) {
      throw new ForbiddenException(
          null, "only a co-chair of the group, for their party, withdraws a publication");
    }
    String publication = carrier(subject.type());
    boolean inContent = !publication.equals(Concurrence.publicationOf(subject.type()));
    Optional<Stored> found = store.load(publication, subject.key(), true);
    Optional<Integer> published =
        found
            .flatMap(stored -> stored.agreement().lastAgreed())
            .filter(agreed -> withdrawn(subject.type(), subject.key()).isEmpty())
            .flatMap(
                agreed ->
                    inContent
                        ? Optional.of(agreed.version())
                            .filter(v -> subjects.of(subject.type()).publishedNow(subject))
                        : store
                            .content(found.get().id(), agreed.version())
                            .map(PublicationContent::proposed));
    if (published.isEmpty()) {
      throw new StateConflictException(
          "Not published",
          "the " + noun + " is not published: there is nothing to withdraw",
          Map.of());
    }
    Stored stored = found.get();
    Instant now = Instant.now(clock);
    String party = viewer.party();
    String content = PublicationContent.withdrawal(published.get(), party, now);
    String fingerprint = Concurrence.fingerprint(content);
    try {
      stored.agreement().replace(party, true, fingerprint, now);
    } catch (AgreementException e) {
      throw new ForbiddenException(e.field(), e.getMessage());
    }
    int number = stored.agreement().version();
    store.storeContent(stored.id(), number, fingerprint, content, viewer.username(), now);
    store.save(stored, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("subject", subject.type() + " " + subject.key());
    details.put("party", party);
    details.put("version", published.get());
    details.put("reason", reason.strip());
    audit.record(
        "agreement.withdrawn", "agreement", stored.id().toString(), Outcome.SUCCESS, details);
  }

  /**
   * Whether a version of the subject is a withdrawal, which nobody approves: for a subject whose
   * publication is part of its content, its next version is submitted and approved instead (and its
   * page offers no approval of the withdrawal).
   */
  public boolean isWithdrawal(String type, String key, int number) {
    return store
        .load(type, key, false)
        .flatMap(stored -> store.content(stored.id(), number))
        .filter(content -> content.startsWith(PublicationContent.WITHDRAWAL))
        .isPresent();
  }

  /**
   * The agreement a withdrawal of the subject's publication is a version of: its publication's, or
   * the subject's own when its publication is part of its content.
   */
  private String carrier(String type) {
    return subjects
        .owning(type)
        .filter(AgreementSubject::publishedWithContent)
        .map(s -> type)
        .orElseGet(() -> Concurrence.publicationOf(type));
  }
}
