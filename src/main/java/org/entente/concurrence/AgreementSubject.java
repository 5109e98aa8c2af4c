package org.entente.concurrence;

import java.util.List;
import org.entente.concurrence.Concurrence.Published;
import org.entente.concurrence.Concurrence.Subject;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.entente.shared.NotFoundException;

/**
 * A kind of record both parties agree through the one workflow: a module implements it for its
 * record (the project list, the roadmap, the joint statement) and registers it as a bean; {@link
 * Agreements} and the concurrence web adapter serve every registered subject the same way. What
 * varies per subject is here: how the request names it, what a version of it is (its canonical
 * content, whose fingerprint is agreed), who may act on it, and what agreement triggers.
 */
public interface AgreementSubject {

  /** The subject type, as stored with its agreements and named in URLs, e.g. {@code roadmap}. */
  String type();

  /** What the subject is called in messages, e.g. "project list". */
  String noun();

  /**
   * The subject the request names, if the viewer may see it.
   *
   * @param charterKey the charter the request names, or null where the URL names none (a meeting's
   *     statement under {@code /meetings/{id}})
   * @param key the subject's key within the charter: a group's key, a meeting's id
   * @throws NotFoundException when there is no such subject the viewer may see
   */
  Subject resolve(CharterKey charterKey, String key, Viewer viewer);

  /**
   * Its current content, to submit as the next version, with the parties that agree it.
   *
   * @throws org.entente.shared.BadRequestException when there is nothing to submit
   * @throws org.entente.shared.ForbiddenException when the viewer may not submit it
   */
  Submission submission(Subject subject, Viewer viewer);

  /** The subject as its module shows it, after a step: what the endpoints answer. */
  Object view(Subject subject, Viewer viewer);

  /**
   * Who approves, disputes and reopens for a party: by default a co-chair of the subject's group,
   * of their own party.
   */
  default boolean mayAct(Viewer viewer, java.util.UUID groupId) {
    return Concurrence.coChair(viewer, groupId);
  }

  /**
   * Who submits the subject's versions: by default whoever may write in the subject's group.
   *
   * @param groupId the subject's group, or null for a subject of the charter as a whole
   */
  default boolean mayDraft(Viewer viewer, java.util.UUID groupId) {
    return viewer.mayWriteIn(groupId);
  }

  /**
   * Refuses an approval of a version for what the subject's own rules say (a joint statement while
   * one of its texts is missing or out of date): by default none. Called before the approval is
   * made, so a refusal changes nothing.
   *
   * @throws org.entente.shared.DomainException to refuse
   */
  default void mayApprove(Subject subject, int version, Viewer viewer) {}

  /**
   * Refuses to propose the publication of this subject: by default it has no publication of its own
   * (a joint statement's publication is part of its content).
   *
   * @throws NotFoundException when the subject has no publication
   * @throws org.entente.shared.ForbiddenException when this one may never be published
   */
  default void mayPublish(Subject subject, Viewer viewer) {
    throw new NotFoundException("action", "publish");
  }

  /**
   * Whether the subject's publication is part of its own content (a joint statement's: a version
   * says whether to publish it), rather than an agreement of its own: then a withdrawal replaces
   * the subject's current version, and publishing it again is agreeing a new version.
   */
  default boolean publishedWithContent() {
    return false;
  }

  /** For a subject {@link #publishedWithContent}: whether it is public now. */
  default boolean publishedNow(Subject subject) {
    return false;
  }

  /** Both parties agreed a version of the subject (in the transaction of the last approval). */
  default void agreed(AgreementReached reached) {}

  /**
   * Both parties agreed to publish a version: throw to refuse (the approval is rolled back).
   *
   * @param published the version to publish, with its content
   */
  default void publicationAgreed(AgreementReached reached, Published published) {}

  /**
   * A party withdrew the publication of a version: what it made public is public no more.
   *
   * @param withdrawn the version that was published, with its content; null for a subject {@link
   *     #publishedWithContent}, whose module knows what it made public
   */
  default void publicationWithdrawn(Subject subject, Published withdrawn) {}

  /** A party reopened the subject's agreement. */
  default void reopened(Subject subject) {}

  /**
   * Who sees what both parties share in one group and nothing else: no party, so nothing
   * party-internal; used to read the records an agreement publishes.
   */
  static Viewer bothPartiesIn(java.util.UUID groupId) {
    return new Viewer(
        null,
        null,
        false,
        java.util.Set.of(),
        java.util.Set.of(groupId),
        java.util.Set.of(),
        java.util.Set.of(),
        false);
  }

  /**
   * A version to submit.
   *
   * @param parties the keys of the two parties that agree it
   * @param canonicalContent its content, the same bytes whoever submits it
   */
  record Submission(List<String> parties, String canonicalContent) {}
}
