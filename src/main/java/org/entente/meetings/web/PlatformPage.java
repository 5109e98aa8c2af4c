package org.entente.meetings.web;

import jakarta.servlet.http.HttpServletResponse;
import org.entente.concurrence.AgreementPage;
import org.entente.identity.Viewer;
import org.entente.meetings.Platforms;
import org.entente.shared.CharterKey;
import org.entente.shared.DomainException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The meetings page shows the agreement of each proposed dialogue platform, with its forms. */
@Component
class PlatformPage implements AgreementPage {

  private final MeetingCalendarPages pages;

  PlatformPage(MeetingCalendarPages pages) {
    this.pages = pages;
  }

  @Override
  public boolean shows(String subjectType) {
    return Platforms.TYPE.equals(subjectType);
  }

  @Override
  public String after(String subjectType, CharterKey charterKey, String key, String action) {
    return "/charters/" + charterKey.value() + "/meetings?done=" + action;
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
    return pages.refusedPlatform(charterKey.value(), refusal, viewer, model, response);
  }
}
