package org.entente.roadmaps;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.roadmaps.ScheduleAnalysis.Analysis;
import org.entente.roadmaps.ScheduleAnalysis.Item;
import org.entente.roadmaps.ScheduleAnalysis.Result;
import org.entente.translations.Official;

/**
 * The read side of a roadmap as of a day: each milestone with its forecast, slack and standing from
 * the schedule analysis, and its variance from the baseline; the critical path; the finish.
 *
 * @param finish the roadmap's forecast finish, none when it has no milestones
 */
record RoadmapTimeline(
    List<MilestoneView> milestones, List<String> criticalPath, LocalDate finish) {

  /**
   * The timeline of these milestones as of a day.
   *
   * @param baseline planned ends by key in the last version both parties agreed
   * @param agreedTitles titles by language, by key, in the last version both parties agreed
   */
  static RoadmapTimeline of(
      List<Stored> milestones,
      LocalDate today,
      Map<String, LocalDate> baseline,
      Map<String, Map<String, String>> agreedTitles) {
    Set<String> keys =
        milestones.stream().map(s -> s.milestone().key()).collect(Collectors.toSet());
    Analysis analysis =
        ScheduleAnalysis.analyse(
            milestones.stream()
                .map(
                    s ->
                        new Item(
                            s.milestone().key(),
                            s.milestone().plannedStart(),
                            s.milestone().plannedEnd(),
                            s.milestone().actualEnd(),
                            s.milestone().done(),
                            s.milestone().dependsOn().stream().filter(keys::contains).toList()))
                .toList(),
            today);
    List<MilestoneView> views = new ArrayList<>();
    for (Stored s : milestones) {
      views.add(
          view(
              s,
              analysis.milestones().get(s.milestone().key()),
              baseline.get(s.milestone().key()),
              Official.of(
                  s.milestone().title(),
                  agreedTitles.getOrDefault(s.milestone().key(), Map.of()))));
    }
    return new RoadmapTimeline(
        views, analysis.criticalPath(), milestones.isEmpty() ? null : analysis.finish());
  }

  private static MilestoneView view(
      Stored s, Result r, LocalDate baseEnd, Map<String, String> officialTitle) {
    Milestone m = s.milestone();
    return new MilestoneView(
        s.id(),
        m.key(),
        m.title(),
        m.owner(),
        m.plannedStart(),
        m.plannedEnd(),
        m.actualStart(),
        m.actualEnd(),
        m.status().code(),
        m.project(),
        m.dependsOn(),
        r.forecastStart(),
        r.forecastFinish(),
        r.slackDays(),
        r.critical(),
        r.standing(),
        r.cause(),
        baseEnd,
        baseEnd == null ? null : ChronoUnit.DAYS.between(baseEnd, r.forecastFinish()),
        s.classification(),
        s.originParty(),
        s.version(),
        Map.of("title", officialTitle));
  }
}
