package org.entente.meetings;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.entente.concurrence.AgreementPage;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.entente.shared.DomainException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The meeting page shows its joint statement's agreement and forms. */
@Component
class StatementPage implements AgreementPage {

  private final MeetingPages pages;

  StatementPage(MeetingPages pages) {
    this.pages = pages;
  }

  @Override
  public boolean shows(String subjectType) {
    return Meetings.JOINT_STATEMENT.equals(subjectType);
  }

  @Override
  public String after(String subjectType, CharterKey charterKey, String key, String action) {
    return "/meetings/" + MeetingApi.uuid("meeting", key) + "?done=statement-" + action;
  }

  @Override
  public String refused(
      String subjectType,
      CharterKey charterKey,
      String key,
      DomainException refusal,
      Viewer viewer,
      Model model,
      HttpServletResponse response) {
    UUID meeting = MeetingApi.uuid("meeting", key);
    return pages.refused(meeting, refusal, viewer, model, response);
  }
}
