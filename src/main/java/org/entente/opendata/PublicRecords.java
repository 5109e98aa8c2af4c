package org.entente.opendata;

import java.util.List;
import java.util.Map;
import org.entente.charter.CharterViews.AreaOverview;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.CommitmentView;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.indicators.IndicatorViews.IndicatorView;
import org.entente.meetings.MeetingViews.PublishedStatement;
import org.entente.projects.ProjectViews.ProjectView;
import org.entente.roadmaps.RoadmapViews.MilestoneView;

/**
 * What the public may see of a charter as the IATI file needs it, read as an anonymous visitor
 * through the other modules' services (the public dump and its CSV files go through {@link
 * org.entente.exchange.Publication} instead).
 */
record PublicRecords(
    CharterSummary charter,
    List<AreaOverview> areas,
    List<CommitmentView> commitments,
    List<WorkingGroupView> groups,
    List<ProjectView> projects,
    Map<String, List<MilestoneView>> milestonesByGroup,
    List<PublishedStatement> statements,
    List<IndicatorView> indicators) {

  List<MilestoneView> milestones() {
    return milestonesByGroup.values().stream().flatMap(List::stream).toList();
  }
}
