package org.entente.concurrence;

import org.entente.concurrence.AgreementSubject.Submission;
import org.entente.concurrence.Concurrence.AgreementView;
import org.entente.concurrence.Concurrence.PublicationView;
import org.entente.concurrence.Concurrence.Subject;
import org.entente.identity.Viewer;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.ForbiddenException;
import org.entente.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one agreement workflow, for every subject a module registered ({@link AgreementSubject}): the
 * request names the subject's type, the charter and the subject's key; the subject says what that
 * is and what its content is; {@link Concurrence} carries out the step with the rules of {@link
 * Agreement}.
 */
@Service
@Transactional(readOnly = true)
public class Agreements {

  /** The steps of the workflow, as named in URLs. */
  public enum Step {
    SUBMIT("submit"),
    APPROVE("approve"),
    DISPUTE("dispute"),
    REOPEN("reopen"),
    PUBLISH("publish"),
    APPROVE_PUBLICATION("approve-publication"),
    WITHDRAW("withdraw");

    private final String code;

    Step(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    /**
     * The step a URL names.
     *
     * @throws NotFoundException when it names none
     */
    public static Step parse(String code) {
      for (Step step : values()) {
        if (step.code.equals(code)) {
          return step;
        }
      }
      throw new NotFoundException("action", code);
    }

    /** Whether the step is about the subject's publication rather than the subject itself. */
    public boolean publication() {
      return this == PUBLISH || this == APPROVE_PUBLICATION || this == WITHDRAW;
    }
  }

  private final AgreementSubjects subjects;
  private final Concurrence concurrence;
  private final Withdrawals withdrawals;

  Agreements(AgreementSubjects subjects, Concurrence concurrence, Withdrawals withdrawals) {
    this.subjects = subjects;
    this.concurrence = concurrence;
    this.withdrawals = withdrawals;
  }

  /**
   * Carries out one step on a subject.
   *
   * @param version the version approved or proposed for publication (those steps need it)
   * @param reason why the viewer disputes it or withdraws its publication (both need one)
   * @return what the endpoints answer: the subject as its module shows it, or where its publication
   *     stands after a publication step
   */
  @Transactional
  public Object step(
      String type,
      CharterKey charterKey,
      String key,
      Step step,
      Integer version,
      String reason,
      Viewer viewer) {
    AgreementSubject subject = subjects.of(type);
    Subject s = subject.resolve(charterKey, key, viewer);
    switch (step) {
      case SUBMIT -> submit(subject, s, viewer);
      case APPROVE -> {
        int approved = required(version, subject, "approve");
        if (subject.publishedWithContent() && withdrawals.isWithdrawal(type, s.key(), approved)) {
          throw new ForbiddenException(
              "version",
              "version "
                  + approved
                  + " is the withdrawal of the published "
                  + subject.noun()
                  + ": submit it again, and approve that version");
        }
        subject.mayApprove(s, approved, viewer);
        concurrence.approve(s.type(), s.key(), approved, viewer);
      }
      case DISPUTE -> concurrence.dispute(s.type(), s.key(), reason(reason), viewer);
      case REOPEN -> {
        concurrence.reopen(s.type(), s.key(), viewer);
        subject.reopened(s);
      }
      case PUBLISH -> {
        subject.mayPublish(s, viewer);
        return concurrence.proposePublication(
            s.type(), s.key(), required(version, subject, "publish"), viewer);
      }
      case APPROVE_PUBLICATION -> {
        return concurrence.approvePublication(
            s.type(), s.key(), required(version, subject, "approve to publish"), viewer);
      }
      case WITHDRAW -> {
        return withdraw(subject, s, reason, viewer);
      }
    }
    return subject.view(s, viewer);
  }

  /** Submits the subject as it is now as its next version; returns where its agreement stands. */
  @Transactional
  public AgreementView submit(String type, CharterKey charterKey, String key, Viewer viewer) {
    AgreementSubject subject = subjects.of(type);
    return submit(subject, subject.resolve(charterKey, key, viewer), viewer);
  }

  /** The viewer approves a version of the subject for their party. */
  @Transactional
  public AgreementView approve(
      String type, CharterKey charterKey, String key, Integer version, Viewer viewer) {
    AgreementSubject subject = subjects.of(type);
    Subject s = subject.resolve(charterKey, key, viewer);
    int approved = required(version, subject, "approve");
    subject.mayApprove(s, approved, viewer);
    return concurrence.approve(s.type(), s.key(), approved, viewer);
  }

  /** The subject as its module shows it, with where its agreement stands. */
  public Object view(String type, CharterKey charterKey, String key, Viewer viewer) {
    AgreementSubject subject = subjects.of(type);
    return subject.view(subject.resolve(charterKey, key, viewer), viewer);
  }

  /** Where the publication of the subject stands, as far as the viewer may see. */
  public PublicationView publication(
      String type, CharterKey charterKey, String key, Viewer viewer) {
    Subject s = subjects.of(type).resolve(charterKey, key, viewer);
    return concurrence
        .publication(s.type(), s.key(), viewer)
        .orElse(new PublicationView(null, null, null));
  }

  /** The subject's noun, for messages: "project list", "roadmap", "joint statement". */
  public String noun(String type) {
    return subjects.of(type).noun();
  }

  private AgreementView submit(AgreementSubject subject, Subject s, Viewer viewer) {
    Submission submission = subject.submission(s, viewer);
    return concurrence.submit(s, submission.parties(), submission.canonicalContent(), viewer);
  }

  /**
   * A party withdraws the subject's publication, alone and at once; the subject's module makes its
   * records no longer public.
   */
  private Object withdraw(AgreementSubject subject, Subject s, String reason, Viewer viewer) {
    if (!subject.publishedWithContent()) {
      subject.mayPublish(s, viewer);
    }
    if (reason == null || reason.isBlank() || reason.length() > 2000) {
      throw new BadRequestException(
          "reason", "a withdrawal needs a reason of 1 to 2000 characters");
    }
    java.util.Optional<Concurrence.Published> published = concurrence.published(s.type(), s.key());
    withdrawals.withdraw(s, subject.noun(), reason, viewer);
    if (subject.publishedWithContent()) {
      subject.publicationWithdrawn(s, null);
      return subject.view(s, viewer);
    }
    subject.publicationWithdrawn(s, published.orElseThrow());
    return concurrence.publication(s.type(), s.key(), viewer).orElseThrow();
  }

  private static int required(Integer version, AgreementSubject subject, String what) {
    if (version == null) {
      throw new BadRequestException(
          "version", "say which version of the " + subject.noun() + " you " + what);
    }
    return version;
  }

  private static String reason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new BadRequestException("reason", "a dispute needs a reason");
    }
    return reason;
  }
}
