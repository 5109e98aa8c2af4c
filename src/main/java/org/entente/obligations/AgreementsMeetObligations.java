package org.entente.obligations;

import org.entente.concurrence.AgreementReached;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When both parties agree a working group's project list or roadmap, that is the deliverable the
 * charter's obligations wait for: it is recorded as finalized on the day of the agreement, in the
 * same transaction as the last approval. Likewise a meeting marked held is the meeting the "at
 * least annually" obligations wait for.
 */
@Component
class AgreementsMeetObligations {

  private final Obligations obligations;

  AgreementsMeetObligations(Obligations obligations) {
    this.obligations = obligations;
  }

  /** A meeting of the framework or of a working group, marked held, meets its annual obligation. */
  @EventListener
  void on(org.entente.meetings.MeetingHeld meeting) {
    obligations.recordMeetingHeld(meeting);
  }

  @EventListener
  void on(AgreementReached agreement) {
    if (agreement.subjectType().equals("project-list")
        || agreement.subjectType().equals("roadmap")) {
      obligations.recordAgreed(agreement);
    }
  }
}
