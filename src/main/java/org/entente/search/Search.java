package org.entente.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.DialoguePlatformView;
import org.entente.charter.CharterViews.WorkingGroupView;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.indicators.Indicators;
import org.entente.meetings.Meetings;
import org.entente.projects.Projects;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.PageOf;
import org.entente.shared.Paging;
import org.entente.shared.SearchHit;
import org.entente.shared.SqlDialect;
import org.entente.shared.TextQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The search module's one service. */
@Service
@Transactional(readOnly = true)
public class Search {

  /** The record types a search covers, in the order results are listed. */
  public static final List<String> TYPES =
      List.of("commitment", "project", "milestone", "meeting", "statement", "indicator");

  private final Charters charters;
  private final Projects projects;
  private final Roadmaps roadmaps;
  private final Meetings meetings;
  private final Indicators indicators;
  private final SqlDialect dialect;

  Search(
      Charters charters,
      Projects projects,
      Roadmaps roadmaps,
      Meetings meetings,
      Indicators indicators,
      SqlDialect dialect) {
    this.charters = charters;
    this.projects = projects;
    this.roadmaps = roadmaps;
    this.meetings = meetings;
    this.indicators = indicators;
    this.dialect = dialect;
  }

  /**
   * Filters of a search; each null means any.
   *
   * @param type one of {@link #TYPES}
   * @param area an area's key
   * @param group a working group's or dialogue platform's key
   * @param status a status as the results give it, e.g. {@code in-implementation}, {@code held}
   */
  public record Filters(String type, String area, String group, String status) {}

  /**
   * What the viewer may see of a charter that matches a query, by type then as each module orders
   * its records.
   *
   * @throws BadRequestException naming the parameter: a malformed query, an unknown type, area or
   *     group
   */
  public PageOf<SearchHit> search(
      CharterKey charterKey, String q, Filters filters, Paging paging, Viewer viewer) {
    Charters.Bodies bodies = charters.bodies(charterKey, viewer);
    CharterSummary charter = bodies.charter();
    TextQuery query = TextQuery.parse(q);
    String type = blankToNull(filters.type());
    if (type != null && !TYPES.contains(type)) {
      throw new BadRequestException(
          "type", "type '" + type + "' is not one of " + String.join(", ", TYPES));
    }
    List<WorkingGroupView> groups = bodies.workingGroups();
    List<DialoguePlatformView> platforms = bodies.platforms();
    Map<String, List<String>> groupAreas = new HashMap<>();
    groups.forEach(g -> groupAreas.put(g.key(), g.areas().stream().map(a -> a.key()).toList()));
    platforms.forEach(p -> groupAreas.put(p.key(), p.areas().stream().map(a -> a.key()).toList()));
    String area = blankToNull(filters.area());
    if (area != null
        && charters.areas(charterKey, viewer).stream()
            .noneMatch(a -> a.area().key().equals(area))) {
      throw new BadRequestException("area", "the charter has no area '" + area + "'");
    }
    String group = blankToNull(filters.group());
    if (group != null && !groupAreas.containsKey(group)) {
      throw new BadRequestException(
          "group", "the charter has no working group or platform '" + group + "'");
    }
    String status = blankToNull(filters.status());
    if (status != null && !status.matches("[a-z-]{1,40}")) {
      throw new BadRequestException("status", "'" + status + "' is not a status");
    }
    List<SearchHit> hits = hits(type, charter, groups, query, viewer);
    List<SearchHit> matching = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SearchHit hit : hits) {
      SearchHit h =
          hit.group() == null
              ? hit
              : new SearchHit(
                  hit.type(),
                  hit.key(),
                  hit.title(),
                  hit.excerpt(),
                  hit.group(),
                  groupAreas.getOrDefault(hit.group(), List.of()),
                  hit.status(),
                  hit.url());
      boolean keep =
          (area == null || h.areas().contains(area))
              && (group == null || group.equals(h.group()))
              && (status == null || status.equals(h.status()))
              && seen.add(h.type() + "/" + h.key());
      if (keep) {
        matching.add(h);
      }
    }
    return PageOf.slice(matching, paging);
  }

  /** What each module finds of the charter's records, of one type or of all. */
  private List<SearchHit> hits(
      String type,
      CharterSummary charter,
      List<WorkingGroupView> groups,
      TextQuery query,
      Viewer viewer) {
    boolean postgres = dialect.postgres();
    List<SearchHit> hits = new ArrayList<>();
    if (type == null || type.equals("commitment")) {
      hits.addAll(charters.search(charter, query, postgres, viewer));
    }
    if (type == null || type.equals("project")) {
      hits.addAll(projects.search(charter, query, postgres, viewer));
    }
    if (type == null || type.equals("milestone")) {
      hits.addAll(roadmaps.search(charter, groups, query, postgres, viewer));
    }
    if (type == null || type.equals("meeting") || type.equals("statement")) {
      meetings.search(charter, query, postgres, viewer).stream()
          .filter(h -> type == null || h.type().equals(type))
          .forEach(hits::add);
    }
    if (type == null || type.equals("indicator")) {
      hits.addAll(indicators.search(charter, query, postgres, viewer));
    }
    return hits;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
