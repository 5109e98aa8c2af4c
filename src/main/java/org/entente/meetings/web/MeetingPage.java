package org.entente.meetings.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.concurrence.Agreement.State;
import org.entente.concurrence.Concurrence.AgreementView;
import org.entente.concurrence.Withdrawals;
import org.entente.identity.Viewer;
import org.entente.meetings.MeetingViews.MeetingView;
import org.entente.meetings.Meetings;
import org.entente.projects.Projects;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.CharterKey;
import org.entente.shared.DomainException;
import org.entente.shared.NotFoundException;
import org.entente.shared.Paging;
import org.entente.shared.Problems;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a meeting's page shows: the meeting, whether the viewer may write or approve its statement,
 * and what its forms offer (the group's projects and milestones, the charter's commitments and
 * parties); and the page again with the message when a form was refused.
 */
@Component
public class MeetingPage {

  /** The page's template. */
  public static final String TEMPLATE = "meetings/meeting";

  private final Meetings meetings;
  private final Charters charters;
  private final Projects projects;
  private final Roadmaps roadmaps;
  private final Withdrawals withdrawals;

  MeetingPage(
      Meetings meetings,
      Charters charters,
      Projects projects,
      Roadmaps roadmaps,
      Withdrawals withdrawals) {
    this.withdrawals = withdrawals;
    this.meetings = meetings;
    this.charters = charters;
    this.projects = projects;
    this.roadmaps = roadmaps;
  }

  /** Fills the model for the meeting's page. */
  public void show(UUID id, Viewer viewer, Model model) {
    MeetingView m = meetings.meeting(id, viewer);
    model.addAttribute("m", m);
    boolean writer =
        m.groupId() == null ? viewer.mayWriteInFramework() : viewer.mayWriteIn(m.groupId());
    model.addAttribute("writer", writer);
    boolean chair =
        m.groupId() != null && viewer.party() != null && viewer.coChairOf().contains(m.groupId());
    model.addAttribute("coChair", chair);
    AgreementView a = m.statement() == null ? null : m.statement().agreement();
    model.addAttribute("agreement", a);
    model.addAttribute("approve", chair && awaitsMe(a, viewer) && !withdrawalIsCurrent(m, a));
    if (writer && m.body().equals("working-group")) {
      model.addAttribute(
          "projects", projects.list(CharterKey.inPath(m.charterKey()), m.bodyKey(), viewer));
      model.addAttribute(
          "milestones",
          roadmaps.roadmap(CharterKey.inPath(m.charterKey()), m.bodyKey(), viewer).milestones());
    } else {
      model.addAttribute("projects", List.of());
      model.addAttribute("milestones", List.of());
    }
    model.addAttribute(
        "commitments",
        writer
            ? charters
                .commitments(
                    CharterKey.inPath(m.charterKey()),
                    null,
                    null,
                    new Paging(0, Paging.MAX_SIZE),
                    viewer)
                .items()
            : List.of());
    model.addAttribute(
        "organizationNames",
        writer ? meetings.organizationNames(CharterKey.inPath(m.charterKey()), viewer) : List.of());
    LanguagesOfCharter languages =
        charters
            .languages(CharterKey.inPath(m.charterKey()))
            .orElse(new LanguagesOfCharter(List.of("en"), "en"));
    model.addAttribute("statementLanguages", languages.languages());
    model.addAttribute("textLanguages", languages.languages());
    model.addAttribute("sourceLanguage", languages.textLanguage());
    model.addAttribute("today", meetings.today());
    model.addAttribute("texts", meetings.translations(id, viewer));
    model.addAttribute(
        "parties", charters.overview(CharterKey.inPath(m.charterKey()), viewer).parties());
  }

  /**
   * The meeting's page again, with the refusal's message and field and its status; a meeting that
   * is not there (or not to be seen) stays a 404.
   */
  public String refused(
      UUID meeting, DomainException e, Viewer viewer, Model model, HttpServletResponse response) {
    if (e instanceof NotFoundException) {
      throw e;
    }
    response.setStatus(Problems.status(e).value());
    show(meeting, viewer, model);
    model.addAttribute("message", e.getMessage());
    model.addAttribute("fieldError", Forms.field(e));
    return TEMPLATE;
  }

  /**
   * Whether the statement's current version is the withdrawal of its publication: a withdrawal is
   * no version to approve (the service refuses it), so its page offers no approval until someone
   * submits the statement again.
   */
  private boolean withdrawalIsCurrent(MeetingView m, AgreementView a) {
    return a != null
        && withdrawals.isWithdrawal(
            Meetings.JOINT_STATEMENT, m.id().toString(), a.currentVersion());
  }

  private static boolean awaitsMe(AgreementView a, Viewer viewer) {
    return a != null
        && (a.state() == State.DRAFT || a.state() == State.APPROVED_BY_ONE)
        && a.approvals().stream()
            .noneMatch(
                p ->
                    p.active()
                        && p.version() == a.currentVersion()
                        && p.party().equals(viewer.party()));
  }
}
